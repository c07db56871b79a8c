/**
 * MCP 2026-07-28 on the same endpoint as the 2025 revisions: requests whose `_meta` claims
 * the version are served statelessly by the new rules (basic/versioning, basic/transports/streamable-http,
 * server/discover, server/utilities/caching, basic/patterns/subscriptions); the rest is unchanged.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { READ_TOOLS } from '../helpers/tool-sets';
import {
	createTestServer,
	post,
	readRpcBody,
	resetSandbox,
	sandboxControl,
	type TestServer,
} from '../helpers/mcp';

const VERSION = '2026-07-28';
const SERVER_INFO = { name: 'edesk-mcp', title: 'eDesk', version: '0.1.0' };
const ALL_VERSIONS = ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];

let server: TestServer;
let readOnly: TestServer;
let nextId = 100;

beforeAll(async () => {
	server = await createTestServer();
	readOnly = await createTestServer({ config: { methods: ['read'] } });
});
beforeEach(resetSandbox);

const meta = (extra: Record<string, unknown> = {}) => ({
	'io.modelcontextprotocol/protocolVersion': VERSION,
	'io.modelcontextprotocol/clientCapabilities': {},
	'io.modelcontextprotocol/clientInfo': { name: 'test', version: '1.0.0' },
	...extra,
});

/** A 2026-07-28 request with every header it must carry; `headers` overrides them (null drops one). */
async function modern(
	url: string,
	method: string,
	params: Record<string, unknown> = {},
	headers: Record<string, string | null> = {},
): Promise<{ response: Response; body: any }> {
	const base: Record<string, string | null> = {
		'mcp-protocol-version': VERSION,
		'mcp-method': method,
		...(typeof params.name === 'string' ? { 'mcp-name': params.name } : {}),
		...headers,
	};
	const sent = Object.fromEntries(
		Object.entries(base).filter((e): e is [string, string] => e[1] !== null),
	);
	const response = await post(
		url,
		JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params: { _meta: meta(), ...params } }),
		sent,
	);
	return { response, body: await readRpcBody(response.clone()) };
}

describe('server/discover', () => {
	it('answers a 2026-07-28 request with every version, the tools capability and caching hints', async () => {
		const { response, body } = await modern(server.url, 'server/discover');
		expect(response.status).toBe(200);
		expect(body.result).toEqual({
			resultType: 'complete',
			supportedVersions: ALL_VERSIONS,
			capabilities: { tools: {} },
			instructions: expect.stringContaining('eDesk helpdesk tools'),
			ttlMs: 3_600_000,
			cacheScope: 'public',
			_meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO },
		});
	});

	it('answers in the initialize era too (a reconnecting client that only probes finds the server)', async () => {
		for (const headers of [{ 'mcp-protocol-version': '2025-11-25' }, {}] as Record<
			string,
			string
		>[]) {
			const response = await post(
				server.url,
				JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'server/discover' }),
				headers,
			);
			const body = await readRpcBody(response);
			expect(response.status).toBe(200);
			expect(body.result.supportedVersions).toEqual(ALL_VERSIONS);
		}
	});
});

describe('tools/list', () => {
	it('carries resultType, ttlMs and a private cacheScope, and lists the tools in catalogue order', async () => {
		const { body } = await modern(readOnly.url, 'tools/list');
		expect(body.result).toMatchObject({
			resultType: 'complete',
			ttlMs: 70_000,
			cacheScope: 'private',
			_meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO },
		});
		expect(body.result.tools.map((t: { name: string }) => t.name)).toEqual(READ_TOOLS);
	});

	it('lists the same tools in the same order as the initialize era', async () => {
		const legacy = await post(
			readOnly.url,
			JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
			{ 'mcp-protocol-version': '2025-11-25' },
		);
		const legacyBody = await readRpcBody(legacy);
		expect(legacyBody.result).not.toHaveProperty('resultType');
		const { body } = await modern(readOnly.url, 'tools/list');
		expect(body.result.tools).toEqual(legacyBody.result.tools);
	});
});

describe('tools/call', () => {
	it('runs a read tool and answers as SSE with resultType', async () => {
		const { response, body } = await modern(server.url, 'tools/call', {
			name: 'get_single_e_desk_me',
			arguments: {},
		});
		expect(response.headers.get('content-type')).toBe('text/event-stream');
		expect(body.result).toMatchObject({ resultType: 'complete', content: [{ type: 'text' }] });
		expect(body.result.isError).toBeUndefined();
	});

	it('runs a write tool', async () => {
		const orders = await modern(server.url, 'tools/call', {
			name: 'list_all_e_desk_sales_orders',
			arguments: { limit: 1 },
		});
		const orderId = JSON.parse(orders.body.result.content[0].text).items[0].id;
		const { body } = await modern(server.url, 'tools/call', {
			name: 'create_a_e_desk_order_note',
			arguments: { sales_order_id: orderId, text: 'written over 2026-07-28' },
		});
		expect(body.result.resultType).toBe('complete');
		expect(JSON.parse(body.result.content[0].text)).toMatchObject({
			sales_order_id: orderId,
			text: 'written over 2026-07-28',
		});
	});

	it('streams progress on the response stream when the client sends a progressToken', async () => {
		await sandboxControl('fail-next', { delay_ms: 1_200 });
		const { response } = await modern(server.url, 'tools/call', {
			name: 'get_single_e_desk_me',
			arguments: {},
			_meta: meta({ progressToken: 'p' }),
		});
		const events = (await response.text())
			.split('\n\n')
			.filter(Boolean)
			.map((b) => JSON.parse(b.split('\n')[1]!.slice(6)));
		expect(
			events.filter((e) => e.method === 'notifications/progress').length,
		).toBeGreaterThanOrEqual(2);
		expect(events.at(-1)).toMatchObject({ result: { resultType: 'complete' } });
	});

	it('refuses a write tool on a read-only server as an unknown tool, in-band', async () => {
		const { response, body } = await modern(readOnly.url, 'tools/call', {
			name: 'create_a_e_desk_order_note',
			arguments: {},
		});
		expect(response.status).toBe(200);
		expect(body.error).toEqual({
			code: -32602,
			message: 'Unknown tool: create_a_e_desk_order_note',
		});
	});
});

describe('request headers and _meta (streamable-http §Request Metadata)', () => {
	it.each([
		['an Mcp-Method that differs from the body', { 'mcp-method': 'prompts/list' }],
		['an Mcp-Method in another case', { 'mcp-method': 'TOOLS/LIST' }],
		['no Mcp-Method', { 'mcp-method': null }],
		['no MCP-Protocol-Version', { 'mcp-protocol-version': null }],
	])('answers %s with 400 and HeaderMismatch, echoing the id', async (_why, headers) => {
		const { response, body } = await modern(server.url, 'tools/list', {}, headers);
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(body).toMatchObject({ id: expect.any(Number), error: { code: -32020 } });
	});

	it('needs Mcp-Name on tools/call, equal to params.name, base64-decoded when marked', async () => {
		const params = { name: 'get_single_e_desk_me', arguments: {} };
		expect(
			(await modern(server.url, 'tools/call', params, { 'mcp-name': null })).body.error.code,
		).toBe(-32020);
		expect(
			(await modern(server.url, 'tools/call', params, { 'mcp-name': 'get_single_e_desk_mx' })).body
				.error.code,
		).toBe(-32020);
		expect(
			(await modern(server.url, 'tools/call', params, { 'mcp-name': '=?base64?Z2V0X3Npbmdsw==?=' }))
				.body.error.code,
		).toBe(-32020);
		const encoded = `=?base64?${btoa('get_single_e_desk_me')}?=`;
		expect(
			(await modern(server.url, 'tools/call', params, { 'mcp-name': encoded })).body.result
				.resultType,
		).toBe('complete');
	});

	it('answers a header that names another version than _meta with HeaderMismatch, before the version check', async () => {
		const response = await post(
			server.url,
			JSON.stringify({
				jsonrpc: '2.0',
				id: 302,
				method: 'server/discover',
				params: { _meta: meta({ 'io.modelcontextprotocol/protocolVersion': 'v999.0.0' }) },
			}),
			{ 'mcp-protocol-version': VERSION, 'mcp-method': 'server/discover' },
		);
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ id: 302, error: { code: -32020 } });
	});

	it('answers an unsupported version with UnsupportedProtocolVersion listing every version', async () => {
		const response = await post(
			server.url,
			JSON.stringify({
				jsonrpc: '2.0',
				id: 301,
				method: 'server/discover',
				params: { _meta: meta({ 'io.modelcontextprotocol/protocolVersion': 'v999.0.0' }) },
			}),
			{ 'mcp-protocol-version': 'v999.0.0', 'mcp-method': 'server/discover' },
		);
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			jsonrpc: '2.0',
			id: 301,
			error: {
				code: -32022,
				message: 'Unsupported protocol version',
				data: { supported: ALL_VERSIONS, requested: 'v999.0.0' },
			},
		});
	});

	it('answers a _meta without clientCapabilities with 400 and -32602, and serves one without clientInfo', async () => {
		const without = (key: string) => {
			const m: Record<string, unknown> = meta();
			delete m[key];
			return JSON.stringify({
				jsonrpc: '2.0',
				id: 104,
				method: 'server/discover',
				params: { _meta: m },
			});
		};
		const headers = { 'mcp-protocol-version': VERSION, 'mcp-method': 'server/discover' };
		const noCapabilities = await post(
			server.url,
			without('io.modelcontextprotocol/clientCapabilities'),
			headers,
		);
		expect(noCapabilities.status).toBe(400);
		expect(await noCapabilities.json()).toMatchObject({ id: 104, error: { code: -32602 } });
		const noInfo = await post(server.url, without('io.modelcontextprotocol/clientInfo'), headers);
		expect(noInfo.status).toBe(200);
	});
});

describe('methods that 2026-07-28 removed or this server lacks', () => {
	it.each([
		'initialize',
		'ping',
		'logging/setLevel',
		'resources/subscribe',
		'resources/unsubscribe',
		'prompts/list',
		'unknown/method',
	])('answers %s with 404 and a JSON -32601', async (method) => {
		const { response, body } = await modern(server.url, method, {
			protocolVersion: '2025-11-25',
			capabilities: {},
			clientInfo: { name: 'x', version: '1' },
		});
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(body).toMatchObject({ id: expect.any(Number), error: { code: -32601 } });
	});

	it('still answers initialize and ping in the initialize era', async () => {
		const response = await post(
			server.url,
			JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
			{ 'mcp-protocol-version': '2025-11-25' },
		);
		expect(await response.json()).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
	});
});

describe('subscriptions/listen', () => {
	it('acknowledges with no notification types honoured, then ends the stream with its result', async () => {
		const { response } = await modern(server.url, 'subscriptions/listen', {
			notifications: { toolsListChanged: true },
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/event-stream');
		const events = (await response.text())
			.split('\n\n')
			.filter(Boolean)
			.map((b) => JSON.parse(b.split('\n')[1]!.slice(6)));
		expect(events).toHaveLength(2);
		const id = events[1].id;
		expect(events[0]).toEqual({
			jsonrpc: '2.0',
			method: 'notifications/subscriptions/acknowledged',
			params: { _meta: { 'io.modelcontextprotocol/subscriptionId': id }, notifications: {} },
		});
		expect(events[1].result).toEqual({
			resultType: 'complete',
			_meta: {
				'io.modelcontextprotocol/subscriptionId': id,
				'io.modelcontextprotocol/serverInfo': SERVER_INFO,
			},
		});
	});

	it('answers a listen without a notifications filter with -32602', async () => {
		const { body } = await modern(server.url, 'subscriptions/listen');
		expect(body.error.code).toBe(-32602);
	});
});

describe('notifications and batches', () => {
	it('accepts a 2026-07-28 notification (notifications/cancelled, as the SDK sends it) with 202', async () => {
		const response = await post(
			server.url,
			JSON.stringify({
				jsonrpc: '2.0',
				method: 'notifications/cancelled',
				params: { requestId: 'listen:0', _meta: meta() },
			}),
			{ 'mcp-protocol-version': VERSION },
		);
		expect(response.status).toBe(202);
		expect(await response.text()).toBe('');
	});

	it('refuses a batch that holds a 2026-07-28 request', async () => {
		const response = await post(
			server.url,
			JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: meta() } }]),
		);
		expect(response.status).toBe(400);
		expect((await response.json<any>()).error.code).toBe(-32600);
	});
});
