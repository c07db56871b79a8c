/** The eDesk client against the sandbox Worker: a slow or stalling eDesk times out as a clean `unavailable` error. */
import { deriveCursorKey } from '../../../worker/auth/cursor-key';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_BASE_URL } from '../../../worker/config';
import { createEdeskClient, UPSTREAM_TIMEOUT_MS } from '../../../worker/proxy/edesk-client';
import { createUpstreamFetcher } from '../../../worker/proxy/upstream-fetcher';
import { TOOL_CATALOG } from '../../../worker/tools/catalog';
import { callTool } from '../../../worker/tools/execute';
import { resetSandbox, SANDBOX_FULL_TOKEN, sandboxControl } from '../../helpers/mcp';

const client = (timeoutMs?: number) =>
	createEdeskClient({
		baseUrl: SANDBOX_BASE_URL,
		apiToken: SANDBOX_FULL_TOKEN,
		fetcher: createUpstreamFetcher(env, SANDBOX_BASE_URL),
		timeoutMs,
	});

beforeEach(resetSandbox);

describe('eDesk client timeout', () => {
	it('defaults to UPSTREAM_TIMEOUT_MS and answers normally within it', async () => {
		expect(UPSTREAM_TIMEOUT_MS).toBe(25_000);
		const res = await client().request({ method: 'GET', path: '/whoami' });
		expect(res.ok).toBe(true);
	});

	it('gives up on an eDesk that has not sent its headers in time', async () => {
		await sandboxControl('fail-next', { status: 504, delay_ms: 2_000 });
		const res = await client(200).request({ method: 'GET', path: '/tickets/701581498' });
		// Without the timeout this would be the forced 504.
		expect(res).toEqual({
			ok: false,
			error: { kind: 'unavailable', message: 'eDesk did not answer in time' },
		});
	});

	it('gives up on an eDesk that stalls between its headers and its body', async () => {
		await sandboxControl('fail-next', { status: 503, body_delay_ms: 2_000 });
		const res = await client(200).request({ method: 'GET', path: '/tickets/701581498' });
		expect(res).toEqual({
			ok: false,
			error: { kind: 'unavailable', message: 'eDesk did not answer in time' },
		});
	});

	it('still reports an answer that came in time, when the delay is shorter than the timeout', async () => {
		await sandboxControl('fail-next', { status: 503, delay_ms: 50, body_delay_ms: 50 });
		const res = await client(5_000).request({ method: 'GET', path: '/tickets/701581498' });
		expect(res.ok).toBe(false);
		expect(!res.ok && res.error).toMatchObject({ kind: 'http', status: 503 });
	});

	it('reaches the model as an upstream_unavailable tool error, for a list tool too', async () => {
		for (const [name, args] of [
			['get_single_e_desk_ticket_by_id', { id: 701581498 }],
			['list_all_e_desk_tickets', {}],
		] as const) {
			await sandboxControl('fail-next', { status: 503, body_delay_ms: 2_000 });
			const spec = TOOL_CATALOG.find((t) => t.name === name);
			if (!spec) throw new Error(`no tool ${name}`);
			const { result } = await callTool(spec, args, {
				edesk: client(200),
				cursorKey: () => deriveCursorKey('test-credential-key', 'a'.repeat(64)),
			});
			expect(result.isError).toBe(true);
			expect(JSON.parse(result.content[0]?.text ?? '')).toEqual({
				error: 'upstream_unavailable',
				message: 'eDesk did not answer in time',
			});
		}
	});
});
