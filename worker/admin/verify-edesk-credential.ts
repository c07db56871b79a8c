/** Checks an eDesk API token with `GET <base_url>/whoami` through the eDesk client before it is stored. Never logs the token or the reply. */
import * as z from 'zod/mini';
import type { AccountRecord } from '../auth/records';
import { HttpError } from '../lib/errors';
import { createEdeskClient } from '../proxy/edesk-client';
import type { UpstreamError } from '../proxy/edesk-errors';
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

/** Where the token is checked, and whether that host is known to be eDesk (see isKnownEdesk). */
export interface WhoamiTarget {
	fetcher: UpstreamFetcher;
	baseUrl: string;
	knownEdesk: boolean;
	timeoutMs?: number;
}

/**
 * The eDesk user the token belongs to. A known eDesk gets specific refusals: 400 for a rejected
 * token or a base URL that is not the API, 502 when it cannot be reached in time. Any other host gets
 * the one same 400 for every failure, so the check tells nothing about which hosts and ports answer.
 */
export async function verifyEdeskCredential(
	target: WhoamiTarget,
	apiToken: string,
): Promise<EdeskUser> {
	const client = createEdeskClient({
		baseUrl: target.baseUrl,
		apiToken,
		fetcher: target.fetcher,
		timeoutMs: target.timeoutMs ?? WHOAMI_TIMEOUT_MS,
		maxBodyBytes: WHOAMI_MAX_BYTES,
	});
	const res = await client.request({ method: 'GET', path: '/whoami' });
	const parsed = res.ok ? WhoamiSchema.safeParse(res.value.body) : undefined;
	if (parsed?.success) return toUser(parsed.data.data.user);
	if (!target.knownEdesk) {
		throw new HttpError(
			400,
			'invalid_request',
			`base_url: no eDesk API at ${target.baseUrl} accepted this API token (GET ${target.baseUrl}/whoami); check base_url and the token`,
		);
	}
	throw res.ok ? notTheApi(target.baseUrl) : toRefusal(res.error, target.baseUrl);
}

function toRefusal(error: UpstreamError, baseUrl: string): HttpError {
	switch (error.kind) {
		case 'http':
			if (error.status === 401 || error.status === 403) {
				return new HttpError(
					400,
					'invalid_edesk_credential',
					`eDesk rejected the API token (HTTP ${error.status}). Check it, or create a new one at https://dashboard.edesk.com/api-token`,
				);
			}
			if (error.status === 404) {
				return new HttpError(
					400,
					'invalid_request',
					`base_url: ${baseUrl}/whoami does not exist; the eDesk API base URL ends in /v1`,
				);
			}
			return unavailable(`eDesk answered HTTP ${error.status}`);
		case 'rate_limited':
			return unavailable('eDesk answered HTTP 429 (rate limited)');
		case 'unavailable':
			return unavailable(`${error.message} (${baseUrl})`);
		case 'invalid_response':
			return notTheApi(baseUrl);
		default: {
			const never: never = error;
			return never;
		}
	}
}

function unavailable(what: string): HttpError {
	return new HttpError(
		502,
		'upstream_unavailable',
		`${what} while checking the API token; try again`,
	);
}

function notTheApi(baseUrl: string): HttpError {
	return new HttpError(
		400,
		'invalid_request',
		`base_url: ${baseUrl} did not answer /whoami like the eDesk API`,
	);
}

function toUser(user: { id?: number; name?: string; email?: string }): EdeskUser {
	const out: EdeskUser = {};
	if (user.id !== undefined) out.id = user.id;
	if (user.name !== undefined) out.name = user.name;
	if (user.email !== undefined) out.email = user.email;
	return out;
}
