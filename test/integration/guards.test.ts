/**
 * Regressions: guards that a deliberate break of each passed the
 * whole workerd suite unnoticed. Each test here fails under that break: tools/call looking a tool up
 * in the whole catalogue, no token-hash re-check of the record, no KV expiration backstop, and a
 * progress interval too long to ever tick.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { createUrlToken, sha256Hex } from '../../worker/auth/hash';
import { tokenKey } from '../../worker/auth/token-store';
import { adminJson, inSeconds, putTestAccount } from '../helpers/admin';
import { createTestServer, post, resetSandbox, rpc, sandboxControl } from '../helpers/mcp';

beforeEach(resetSandbox);

describe('tools/call on a read-only server', () => {
	it('refuses a write tool of the catalogue as unknown, and nothing reaches eDesk', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		const { body } = await rpc(server.url, 'tools/call', {
			name: 'create_a_e_desk_order_note',
			arguments: { sales_order_id: 1, text: 'should never be written' },
		});
		expect(body.error).toEqual({
			code: -32602,
			message: 'Unknown tool: create_a_e_desk_order_note',
		});
		expect((await sandboxControl('requests?method=POST')).data).toEqual([]);
	});
});

describe('the URL token lookup', () => {
	it('answers 404 for a record filed under its token hash that names another hash', async () => {
		const server = await createTestServer();
		const record = await env.TOKENS.get(tokenKey(server.tokenHash), 'json');
		const intruder = createUrlToken();
		// A record copied under another key (a corrupt write, say) must not open for that key's token.
		await env.TOKENS.put(tokenKey(await sha256Hex(intruder)), JSON.stringify(record));
		const { response } = await rpc(`http://127.0.0.1/mcp/${intruder}`, 'tools/list');
		expect(response.status).toBe(404);
		expect((await rpc(server.url, 'tools/list')).response.status).toBe(200);
	});
});

describe('the KV expiration backstop', () => {
	it('gives the record and its index entry a KV expiration at expires_at', async () => {
		const accountId = await putTestAccount();
		const expiresAt = inSeconds(86_400);
		const { body } = await adminJson(`/integrated-account/${accountId}/mcp`, {
			method: 'POST',
			json: { name: 'backstop', expires_at: expiresAt },
		});
		const hash = await sha256Hex(body.token);
		const at = Math.floor(Date.parse(expiresAt) / 1000);
		const token = await env.TOKENS.list({ prefix: tokenKey(hash) });
		const index = await env.TOKENS.list({ prefix: `server:${accountId}:${body.id}` });
		expect(token.keys.map((k) => k.expiration)).toEqual([at]);
		expect(index.keys.map((k) => k.expiration)).toEqual([at]);
	});
});

describe('progress while eDesk is slow', () => {
	it('sends a progress notification every second until the answer comes', async () => {
		const server = await createTestServer();
		await sandboxControl('fail-next', { delay_ms: 2_600 });
		const response = await post(
			server.url,
			JSON.stringify({
				jsonrpc: '2.0',
				id: 9,
				method: 'tools/call',
				params: { name: 'get_single_e_desk_me', arguments: {}, _meta: { progressToken: 'slow' } },
			}),
			{ 'mcp-protocol-version': '2025-11-25' },
		);
		const messages = (await response.text())
			.split('\n\n')
			.filter(Boolean)
			.map((block) => JSON.parse(block.split('\n')[1]!.slice('data: '.length)));
		const progress = messages.filter((m) => m.method === 'notifications/progress');
		// Ticks at 0, 1 and 2 s at least (more if the machine is slow to deliver the answer).
		expect(progress[0].params.message).toBe('Calling eDesk');
		expect(progress.length).toBeGreaterThanOrEqual(3);
		expect(progress.slice(1).every((p) => p.params.message === 'Waiting for eDesk')).toBe(true);
		expect(progress.map((p) => p.params.progress)).toEqual(progress.map((_, i) => i + 1));
		expect(messages.at(-1)).toMatchObject({ id: 9, result: { content: [{ type: 'text' }] } });
	});
});
