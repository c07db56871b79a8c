/** The whoami check of a new eDesk account against the sandbox Worker: a slow or stalling eDesk is a 502, never a misread answer. */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyEdeskCredential } from '../../../worker/admin/verify-edesk-credential';
import { SANDBOX_BASE_URL } from '../../../worker/config';
import { HttpError } from '../../../worker/lib/errors';
import { createUpstreamFetcher } from '../../../worker/proxy/upstream-fetcher';
import { resetSandbox, SANDBOX_FULL_TOKEN, sandboxControl } from '../../helpers/mcp';

const verify = (timeoutMs?: number) =>
	verifyEdeskCredential(
		{
			fetcher: createUpstreamFetcher(env, SANDBOX_BASE_URL),
			baseUrl: SANDBOX_BASE_URL,
			knownEdesk: true,
			timeoutMs,
		},
		SANDBOX_FULL_TOKEN,
	);

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
	return error;
}

beforeEach(resetSandbox);

describe('verifyEdeskCredential', () => {
	it('returns the eDesk user of a good token', async () => {
		expect(await verify()).toEqual({
			id: expect.any(Number),
			name: expect.any(String),
			email: expect.any(String),
		});
	});

	it('is a 502 upstream_unavailable when eDesk sends no headers in time', async () => {
		await sandboxControl('fail-next', { delay_ms: 2_000 });
		const error = await refusal(verify(200));
		expect([error.status, error.code]).toEqual([502, 'upstream_unavailable']);
		expect(error.message).toBe(
			`eDesk did not answer in time (${SANDBOX_BASE_URL}) while checking the API token; try again`,
		);
	});

	it('is a 502 upstream_unavailable when eDesk stalls after its headers, not a "not the eDesk API" 400', async () => {
		await sandboxControl('fail-next', { body_delay_ms: 2_000 });
		const error = await refusal(verify(200));
		expect([error.status, error.code]).toEqual([502, 'upstream_unavailable']);
		expect(error.message).toBe(
			`eDesk did not answer in time (${SANDBOX_BASE_URL}) while checking the API token; try again`,
		);
	});

	it('accepts an answer that is late but within the timeout', async () => {
		await sandboxControl('fail-next', { delay_ms: 50, body_delay_ms: 50 });
		expect(await verify(5_000)).toMatchObject({ id: expect.any(Number) });
	});
});
