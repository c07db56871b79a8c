/** MCP Streamable HTTP transport rules (stateless server) at POST /mcp/<token>. */
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../worker/config';
import { createTestServer, post, rpc, type TestServer } from '../helpers/mcp';

let server: TestServer;
beforeAll(async () => {
	server = await createTestServer();
});

const init = (protocolVersion: string) =>
	JSON.stringify({
		jsonrpc: '2.0',
		id: 1,
		method: 'initialize',
		params: { protocolVersion, capabilities: {}, clientInfo: { name: 't', version: '0' } },
	});

describe('initialize', () => {
	it.each(['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'])(
		'echoes the supported version %s',
		async (v) => {
			const res = await post(server.url, init(v));
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toContain('application/json');
			expect(res.headers.get('mcp-session-id')).toBeNull();
			const body = await res.json<any>();
			expect(body).toMatchObject({
				jsonrpc: '2.0',
				id: 1,
				result: {
					protocolVersion: v,
					capabilities: { tools: { listChanged: false } },
					serverInfo: { name: 'edesk-mcp' },
				},
			});
			expect(body.result.instructions.length).toBeGreaterThan(50);
			expect(body.result.instructions.length).toBeLessThan(1000);
		},
	);

	it('answers an unknown requested version with its latest one', async () => {
		const body = await (await post(server.url, init('2099-01-01'))).json<any>();
		expect(body.result.protocolVersion).toBe('2025-11-25');
	});
});

describe('lifecycle messages', () => {
	it('answers notifications with 202 and no body', async () => {
		const res = await post(
			server.url,
			JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
		);
		expect(res.status).toBe(202);
		expect(await res.text()).toBe('');
	});

	it('accepts a client response with 202', async () => {
		const res = await post(server.url, JSON.stringify({ jsonrpc: '2.0', id: 9, result: {} }));
		expect(res.status).toBe(202);
	});

	it('answers ping with exactly {}', async () => {
		const { body } = await rpc(server.url, 'ping');
		expect(body.result).toEqual({});
	});

	it('ignores a client-sent Mcp-Session-Id and never issues one', async () => {
		const { response, body } = await rpc(server.url, 'ping', undefined, {
			'mcp-session-id': 'made-up',
		});
		expect(response.status).toBe(200);
		expect(body.result).toEqual({});
		expect(response.headers.get('mcp-session-id')).toBeNull();
	});

	it('needs no initialize before tools/list (any isolate may take the next POST)', async () => {
		const { body } = await rpc(server.url, 'tools/list');
		expect(body.result.tools.length).toBeGreaterThan(0);
	});
});

describe('HTTP methods', () => {
	it.each(['GET', 'DELETE', 'PUT'])('answers %s with 405 and Allow: POST', async (method) => {
		const res = await exports.default.fetch(
			new Request(server.url, { method, headers: { accept: 'text/event-stream' } }),
		);
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('POST');
	});
});

describe('MCP-Protocol-Version header', () => {
	it('rejects a present but unsupported version with 400', async () => {
		const res = await post(server.url, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }), {
			'mcp-protocol-version': '1999-01-01',
		});
		expect(res.status).toBe(400);
		expect((await res.json<any>()).error.code).toBe(-32000);
	});

	it('treats a missing header as 2025-03-26, which allows batches', async () => {
		const res = await post(
			server.url,
			JSON.stringify([
				{ jsonrpc: '2.0', id: 1, method: 'ping' },
				{ jsonrpc: '2.0', method: 'notifications/initialized' },
				{ jsonrpc: '2.0', id: 2, method: 'tools/list' },
			]),
		);
		expect(res.status).toBe(200);
		const body = await res.json<any[]>();
		expect(body).toHaveLength(2);
		expect(body[0]).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
		expect(body[1].id).toBe(2);
	});

	it('refuses batches under 2025-06-18 and later', async () => {
		const res = await post(
			server.url,
			JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'ping' }]),
			{ 'mcp-protocol-version': '2025-06-18' },
		);
		expect(res.status).toBe(400);
		expect((await res.json<any>()).error.code).toBe(-32600);
	});

	it('refuses initialize inside a batch', async () => {
		const res = await post(server.url, `[${init('2025-03-26')}]`);
		const body = await res.json<any[]>();
		expect(body[0].error.code).toBe(-32600);
	});

	it('answers a batch of notifications only with 202', async () => {
		const res = await post(
			server.url,
			JSON.stringify([{ jsonrpc: '2.0', method: 'notifications/initialized' }]),
		);
		expect(res.status).toBe(202);
	});

	// The server speaks 2026-07-28 now (see mcp-2026.test.ts); a 2026-07-28 request without
	// its `_meta` is malformed there (basic/index §Request metadata), so clients no longer fall back.
	it('answers a 2026-07-28 request without its _meta with 400 and -32602', async () => {
		const res = await post(
			server.url,
			JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'server/discover', params: {} }),
			{ 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'server/discover' },
		);
		expect(res.status).toBe(400);
		const body = await res.json<any>();
		expect(body).toMatchObject({ id: 1, error: { code: -32602 } });
	});
});

describe('Origin', () => {
	it.each([
		'https://chatgpt.com',
		'https://claude.ai',
		'https://claude.com',
		'http://localhost:6274',
		'http://127.0.0.1:3000',
	])('allows %s', async (origin) => {
		const { response } = await rpc(server.url, 'ping', undefined, { origin });
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe(origin);
	});

	it.each(['http://evil.example.com', 'https://chatgpt.com.evil.example', 'null'])(
		'refuses %s with 403',
		async (origin) => {
			const { response, body } = await rpc(server.url, 'ping', undefined, { origin });
			expect(response.status).toBe(403);
			expect(body.error).toBeDefined();
		},
	);

	it('refuses a foreign Origin even with a spoofed Host', async () => {
		const { response } = await rpc(server.url, 'ping', undefined, {
			origin: 'http://evil.example.com',
			host: 'evil.example.com',
		});
		expect(response.status).toBe(403);
	});
});

describe('content negotiation', () => {
	it('answers JSON when Accept lists both types', async () => {
		const { response } = await rpc(server.url, 'ping');
		expect(response.headers.get('content-type')).toContain('application/json');
	});

	it('answers JSON when Accept is missing or */*', async () => {
		for (const accept of ['', '*/*']) {
			const res = await post(
				server.url,
				JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
				{ accept },
			);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toContain('application/json');
		}
	});

	it('answers one SSE event when the client accepts only text/event-stream, never 406', async () => {
		const res = await post(server.url, JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'ping' }), {
			accept: 'text/event-stream',
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/event-stream');
		expect(res.headers.get('cache-control')).toContain('no-transform');
		expect(await res.text()).toBe('event: message\ndata: {"jsonrpc":"2.0","id":7,"result":{}}\n\n');
	});
});

describe('client mistakes', () => {
	it('answers an unknown method with -32601', async () => {
		const { response, body } = await rpc(server.url, 'resources/list');
		expect(response.status).toBe(200);
		expect(body.error.code).toBe(-32601);
	});

	it('answers an unparsable body with -32700 and HTTP 400', async () => {
		const res = await post(server.url, '{"jsonrpc":');
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({
			jsonrpc: '2.0',
			id: null,
			error: { code: -32700, message: expect.any(String) },
		});
	});

	it.each([
		['a number', '42'],
		['no jsonrpc', '{"id":1,"method":"ping"}'],
		['a null id request', '{"jsonrpc":"2.0","id":null,"method":"ping"}'],
		['params as array', '{"jsonrpc":"2.0","id":1,"method":"ping","params":[1]}'],
	])('answers %s with -32600 and HTTP 400', async (_label, body) => {
		const res = await post(server.url, body);
		expect(res.status).toBe(400);
		expect((await res.json<any>()).error.code).toBe(-32600);
	});

	it('answers an unknown tool with -32602', async () => {
		const { body } = await rpc(server.url, 'tools/call', {
			name: 'drop_all_tables',
			arguments: {},
		});
		expect(body.error.code).toBe(-32602);
		expect(body.error.message).toContain('Unknown tool');
	});

	it('answers a body over the documented limit with 413', async () => {
		const res = await post(
			server.url,
			JSON.stringify({
				jsonrpc: '2.0',
				id: 1,
				method: 'ping',
				params: { pad: 'x'.repeat(MAX_BODY_BYTES) },
			}),
		);
		expect(res.status).toBe(413);
	});

	it('answers a wrong content type with 415', async () => {
		const res = await post(server.url, '{"jsonrpc":"2.0","id":1,"method":"ping"}', {
			'content-type': 'text/plain',
		});
		expect(res.status).toBe(415);
	});

	it('answers tools/call with non-object arguments with -32602', async () => {
		const { body } = await rpc(server.url, 'tools/call', {
			name: 'list_all_e_desk_tickets',
			arguments: [1, 2],
		});
		expect(body.error.code).toBe(-32602);
	});
});

describe('token lookup', () => {
	it('answers an unknown token with a 404 and no WWW-Authenticate', async () => {
		const res = await post(
			'http://127.0.0.1/mcp/em_unknownunknownunknownunknownunknownunknown',
			init('2025-11-25'),
		);
		expect(res.status).toBe(404);
		expect(res.headers.get('www-authenticate')).toBeNull();
	});

	it('answers a malformed token with 404', async () => {
		const res = await post('http://127.0.0.1/mcp/%00%01', init('2025-11-25'));
		expect(res.status).toBe(404);
	});

	it.each([
		'/.well-known/oauth-protected-resource',
		'/.well-known/oauth-protected-resource/mcp/abc',
		// (The root /.well-known/oauth-authorization-server is the OAuth server's metadata: see
		// oauth-*.test.ts.)
		'/.well-known/oauth-authorization-server/mcp/abc',
		'/.well-known/openid-configuration/mcp/abc',
		'/mcp/abc/.well-known/openid-configuration',
	])('answers the discovery probe %s with 404', async (path) => {
		const res = await exports.default.fetch(new Request(`http://127.0.0.1${path}`));
		expect(res.status).toBe(404);
		expect(res.headers.get('www-authenticate')).toBeNull();
	});
});

describe('revocation and changes through the token store', () => {
	it('refuses a revoked token at once, although the record was just read', async () => {
		const { createTokenStore } = await import('../../worker/auth/token-store');
		const { env } = await import('cloudflare:workers');
		const victim = await createTestServer();
		expect((await rpc(victim.url, 'ping')).response.status).toBe(200);
		await createTokenStore(env.TOKENS).deleteServer({
			account_id: victim.accountId,
			id: victim.serverId,
			token_hash: victim.tokenHash,
		});
		expect((await rpc(victim.url, 'ping')).response.status).toBe(404);
	});

	it('applies a changed filter at once', async () => {
		const { createTokenStore } = await import('../../worker/auth/token-store');
		const { env } = await import('cloudflare:workers');
		const target = await createTestServer();
		const before = await rpc(target.url, 'tools/list');
		expect(before.body.result.tools.length).toBe(42);
		const store = createTokenStore(env.TOKENS);
		const record = (await store.getServerByTokenHash(target.tokenHash))!;
		await store.putServer({ ...record, config: { ...record.config, methods: ['read'] } });
		const after = await rpc(target.url, 'tools/list');
		expect(
			after.body.result.tools.every(
				(t: { annotations: { readOnlyHint: boolean } }) => t.annotations.readOnlyHint,
			),
		).toBe(true);
	});
});
