/** Checks an eDesk API token against `GET <base_url>/whoami` before it is stored. Never logs the token or the reply. */
import * as z from 'zod/mini';
import type { AccountRecord } from '../auth/records';
import { HttpError } from '../lib/errors';
import { timedFetch } from '../proxy/timed-fetch';
import type { UpstreamFetcher } from '../proxy/upstream-fetcher';

/** How long the whoami check may take, headers and body together. */
const WHOAMI_TIMEOUT_MS = 10_000;
/** Largest whoami answer read (eDesk's is a few hundred bytes). */
const WHOAMI_MAX_BYTES = 64 * 1024;

const WhoamiSchema = z.object({
	data: z.object({
		user: z.looseObject({
			id: z.optional(z.number()),
			name: z.optional(z.string()),
			email: z.optional(z.string()),
		}),
	}),
});

type EdeskUser = NonNullable<AccountRecord['edesk_user']>;

/** The eDesk user the token belongs to, or HttpError 400 (rejected token, wrong URL) / 502 (eDesk unreachable). */
export async function verifyEdeskCredential(
	fetcher: UpstreamFetcher,
	baseUrl: string,
	apiToken: string,
	timeoutMs = WHOAMI_TIMEOUT_MS,
): Promise<EdeskUser> {
	const call = await timedFetch(
		fetcher,
		`${baseUrl}/whoami`,
		{ headers: { authorization: `Bearer ${apiToken}`, accept: 'application/json' } },
		timeoutMs,
	);
	if (!call.ok) {
		const problem =
			call.failure === 'timeout'
				? `eDesk at ${baseUrl} did not answer in time`
				: `Could not reach eDesk at ${baseUrl}`;
		throw new HttpError(
			502,
			'upstream_unavailable',
			`${problem} to check the API token; try again`,
		);
	}
	const { response } = call;
	if (response.status === 401 || response.status === 403) {
		await response.body?.cancel();
		throw new HttpError(
			400,
			'invalid_edesk_credential',
			`eDesk rejected the API token (HTTP ${response.status}). Check it, or create a new one at https://dashboard.edesk.com/api-token`,
		);
	}
	if (response.status === 404) {
		await response.body?.cancel();
		throw new HttpError(
			400,
			'invalid_request',
			`base_url: ${baseUrl}/whoami does not exist; the eDesk API base URL ends in /v1`,
		);
	}
	if (!response.ok) {
		await response.body?.cancel();
		throw new HttpError(
			502,
			'upstream_unavailable',
			`eDesk answered HTTP ${response.status} while checking the API token; try again`,
		);
	}
	const read = await call.readText(WHOAMI_MAX_BYTES);
	if (!read.ok && read.failure !== 'too_large') {
		throw new HttpError(
			502,
			'upstream_unavailable',
			read.failure === 'timeout'
				? 'eDesk did not finish its answer in time while checking the API token; try again'
				: 'eDesk broke off its answer while checking the API token; try again',
		);
	}
	const text = read.ok ? read.text : null;
	const parsed = WhoamiSchema.safeParse(parseJson(text));
	if (!parsed.success) {
		throw new HttpError(
			400,
			'invalid_request',
			`base_url: ${baseUrl} did not answer /whoami like the eDesk API`,
		);
	}
	const { id, name, email } = parsed.data.data.user;
	const user: EdeskUser = {};
	if (id !== undefined) user.id = id;
	if (name !== undefined) user.name = name;
	if (email !== undefined) user.email = email;
	return user;
}

function parseJson(text: string | null): unknown {
	if (text === null) return null;
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}
