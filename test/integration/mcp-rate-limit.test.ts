/** eDesk 429s are passed through (never retried) with standard rate-limit headers; other eDesk failures become isError. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	callTool,
	createTestServer,
	resetSandbox,
	sandboxControl,
	type TestServer,
} from '../helpers/mcp';

let server: TestServer;
beforeAll(async () => {
	server = await createTestServer();
});
beforeEach(resetSandbox);

describe('eDesk 429', () => {
	it('returns isError with retry_after_seconds and the ratelimit headers', async () => {
		await sandboxControl('fail-next', { status: 429 });
		const res = await callTool(server.url, 'list_all_e_desk_tickets', {});
		expect(res.isError).toBe(true);
		expect(res.data).toMatchObject({ error: 'rate_limited', status: 429, retry_after_seconds: 1 });
		const h = res.response.headers;
		expect(h.get('retry-after')).toBe('1');
		expect(h.get('ratelimit-limit')).toBe('60');
		expect(h.get('ratelimit-remaining')).toBe('0');
		expect(h.get('ratelimit-reset')).toBe('1');
		expect(h.get('ratelimit-policy')).toBe('"edesk";q=60;w=30');
		expect(h.get('ratelimit')).toBe('"edesk";r=0;t=1');
	});

	it('comes from the real token bucket when the burst is spent', async () => {
		await sandboxControl('config', { rate_limit: { burst: 2, refill_per_second: 0 } });
		const statuses: boolean[] = [];
		for (let i = 0; i < 3; i++)
			statuses.push((await callTool(server.url, 'list_all_e_desk_users', {})).isError);
		expect(statuses).toEqual([false, false, true]);
	});

	it('never retries a POST after a 429', async () => {
		await fetchRequestsCleared();
		await sandboxControl('fail-next', { status: 429 });
		const res = await callTool(server.url, 'create_a_e_desk_order_note', {
			sales_order_id: 1,
			text: 'x',
		});
		expect(res.isError).toBe(true);
		const log = await sandboxControl('requests?method=POST');
		expect(log.data).toHaveLength(1);
	});
});

describe('other eDesk failures', () => {
	it('maps a 500 to isError with the status', async () => {
		await sandboxControl('fail-next', { status: 500 });
		const res = await callTool(server.url, 'list_all_e_desk_tickets', {});
		expect(res.isError).toBe(true);
		expect(res.data).toMatchObject({ error: 'upstream_error', status: 500 });
		expect(res.response.status).toBe(200);
	});

	it('maps a non-JSON gateway page to isError', async () => {
		await sandboxControl('fail-next', { status: 502, body: '<html>Bad gateway</html>' });
		const res = await callTool(server.url, 'list_all_e_desk_tickets', {});
		expect(res.isError).toBe(true);
		expect(res.data.status).toBe(502);
	});

	it('explains a Read-only eDesk token refused on a write', async () => {
		const readOnly = await createTestServer({ edeskToken: 'sandbox-read-only' });
		const res = await callTool(readOnly.url, 'create_a_e_desk_order_note', {
			sales_order_id: 1,
			text: 'x',
		});
		expect(res.isError).toBe(true);
		expect(res.data).toMatchObject({ error: 'forbidden', status: 403 });
		expect(res.data.hint).toMatch(/Read-only/);
	});
});

async function fetchRequestsCleared(): Promise<void> {
	const { env } = await import('cloudflare:workers');
	await env.EDESK_SANDBOX!.fetch('http://edesk-sandbox.local/__sandbox/requests', {
		method: 'DELETE',
	});
}
