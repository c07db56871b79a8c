/**
 * Discovery mode (`config.tool_exposure: "discovery"`): tools/list holds only search_tools,
 * get_tool_schema and call_tool; they see the server's own (filtered) tools only, and call_tool runs
 * a tool through the same path as a direct call on an `all` server.
 */
import { env } from 'cloudflare:workers';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUrlToken, sha256Hex } from '../../worker/auth/hash';
import { tokenKey } from '../../worker/auth/token-store';
import { activityOf } from '../helpers/activity';
import { adminJson, putTestAccount } from '../helpers/admin';
import {
	callTool,
	createTestServer,
	post,
	readRpcBody,
	resetSandbox,
	rpc,
	sandboxControl,
	type TestServer,
} from '../helpers/mcp';
import { authorizePath, openConsent, pkce, registerClient, submitConsent } from '../helpers/oauth';
import { READ_TOOLS } from '../helpers/tool-sets';

const META_TOOLS = ['search_tools', 'get_tool_schema', 'call_tool'];
const TICKET_ID = 701581498;
/** A Closed ticket of the sandbox seed (no reply deadline, so no clock in its record). */
const CLOSED_TICKET_ID = 701581402;
/** The o200k budget of a discovery server's tools/list (README "Benchmark"). */
const DISCOVERY_MAX_TOKENS = 800;

let full: TestServer;
let fullAll: TestServer;
let readOnly: TestServer;
/** The tools/list names of an "all" server with `methods: ["read"]`: what the read-only discovery server reaches. */
let readNames: string[];

beforeAll(async () => {
	full = await createTestServer({ config: { tool_exposure: 'discovery' } });
	fullAll = await createTestServer();
	readOnly = await createTestServer({ config: { methods: ['read'], tool_exposure: 'discovery' } });
	const readAll = await createTestServer({ config: { methods: ['read'] } });
	readNames = (await listed(readAll.url)).map((t) => t.name);
	expect(readNames).toEqual(expect.arrayContaining([...READ_TOOLS]));
});
beforeEach(resetSandbox);

async function listed(url: string): Promise<any[]> {
	const { body } = await rpc(url, 'tools/list');
	return body.result.tools;
}

/** The whole tools/call result of call_tool, and its first text block parsed. */
async function viaCallTool(
	url: string,
	name: string,
	args?: Record<string, unknown>,
): Promise<{ result: any; data: any; response: Response }> {
	const { result, data, response } = await callTool(url, 'call_tool', {
		name,
		...(args === undefined ? {} : { arguments: args }),
	});
	return { result, data, response };
}

describe('tools/list of a discovery server', () => {
	it('holds exactly the three meta-tools, strict schemas, within 800 o200k tokens', async () => {
		for (const server of [full, readOnly]) {
			const tools = await listed(server.url);
			expect(tools.map((t) => t.name)).toEqual(META_TOOLS);
			for (const tool of tools) {
				expect(Object.keys(tool)).toEqual(['name', 'description', 'inputSchema', 'annotations']);
				expect(tool.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
				expect(tool.description.length).toBeGreaterThan(80);
			}
			const tokens = encode(JSON.stringify({ tools })).length;
			expect(tokens).toBeLessThanOrEqual(DISCOVERY_MAX_TOKENS);
		}
	});

	it('marks search and schema read-only, and call_tool read-only only when every tool is', async () => {
		const annotations = async (url: string) =>
			Object.fromEntries((await listed(url)).map((t) => [t.name, t.annotations]));
		const wide = await annotations(full.url);
		expect(wide.search_tools.readOnlyHint).toBe(true);
		expect(wide.get_tool_schema.readOnlyHint).toBe(true);
		expect(wide.call_tool).toEqual({
			readOnlyHint: false,
			destructiveHint: true,
			idempotentHint: false,
			openWorldHint: true,
		});
		const narrow = await annotations(readOnly.url);
		expect(narrow.call_tool).toEqual({ readOnlyHint: true, openWorldHint: false });
		expect(wide.search_tools).toEqual({ readOnlyHint: true, openWorldHint: false });
	});

	it('keeps the 2026-07-28 caching hints', async () => {
		const response = await post(
			readOnly.url,
			JSON.stringify({
				jsonrpc: '2.0',
				id: 1,
				method: 'tools/list',
				params: {
					_meta: {
						'io.modelcontextprotocol/protocolVersion': '2026-07-28',
						'io.modelcontextprotocol/clientCapabilities': {},
					},
				},
			}),
			{ 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' },
		);
		const body = await readRpcBody(response);
		expect(body.result.tools.map((t: { name: string }) => t.name)).toEqual(META_TOOLS);
		expect(body.result).toMatchObject({ ttlMs: 70_000, cacheScope: 'private' });
	});
});

describe('search_tools', () => {
	it('finds the tickets list for "tickets" and an order-note tool for "order note"', async () => {
		const tickets = await callTool(full.url, 'search_tools', { query: 'tickets' });
		expect(tickets.isError).toBe(false);
		// Like every successful result: the same data as structuredContent.
		expect(tickets.result.structuredContent).toEqual(tickets.data);
		expect(tickets.data.tools[0]).toMatchObject({
			name: 'list_all_e_desk_tickets',
			method: 'list',
			read_only: true,
		});
		// One line of the tool's description, not all of it.
		expect(tickets.data.tools[0].description).toMatch(/^[^\n]{1,140}$/);
		const notes = await callTool(full.url, 'search_tools', { query: 'order note' });
		expect(notes.data.tools[0].name).toMatch(/_order_notes?(_by_id)?$/);
		const add = await callTool(full.url, 'search_tools', { query: 'add an order note', limit: 1 });
		expect(add.data.tools.map((t: { name: string }) => t.name)).toEqual([
			'create_a_e_desk_order_note',
		]);
	});

	it('never offers a write tool on a read-only server', async () => {
		for (const query of ['create order note', 'delete tag', 'update ticket status', 'send reply']) {
			const { data } = await callTool(readOnly.url, 'search_tools', { query, limit: 20 });
			expect(data.tool_count).toBe(readNames.length);
			for (const tool of data.tools) {
				expect(readNames).toContain(tool.name);
				expect(tool.read_only).toBe(true);
			}
		}
	});

	it('searches only the tools the tags keep', async () => {
		const orders = await createTestServer({
			config: { methods: ['read'], tags: ['orders'], tool_exposure: 'discovery' },
		});
		const { data } = await callTool(orders.url, 'search_tools', { query: 'templates', limit: 20 });
		expect(data.tools.map((t: { name: string }) => t.name)).not.toContain(
			'list_all_e_desk_templates',
		);
		const none = await callTool(orders.url, 'search_tools', { query: 'zebra' });
		expect(none.data).toMatchObject({ tools: [], matches: 0 });
		expect(none.data.hint).toContain('sales orders');
	});

	it('refuses bad arguments as a tool error naming the field', async () => {
		for (const args of [{}, { query: '' }, { query: 'x', limit: 0 }, { query: 'x', extra: 1 }]) {
			const res = await callTool(full.url, 'search_tools', args);
			expect(res.response.status).toBe(200);
			expect(res.isError).toBe(true);
			expect(res.data.error).toBe('invalid_arguments');
		}
	});
});

describe('get_tool_schema', () => {
	it('gives the same definitions as tools/list of an "all" server', async () => {
		const names = ['list_all_e_desk_tickets', 'create_a_e_desk_message'];
		const all = (await listed(fullAll.url)).filter((t) => names.includes(t.name));
		const { isError, data, result } = await callTool(full.url, 'get_tool_schema', { names });
		expect(isError).toBe(false);
		expect(data).toEqual({ tools: all });
		expect(result.structuredContent).toEqual({ tools: all });
	});

	it('suggests the closest names for a typo, and treats a filtered-out tool as unknown', async () => {
		const typo = await callTool(full.url, 'get_tool_schema', { names: ['list_all_e_desk_tikets'] });
		expect(typo.isError).toBe(true);
		expect(typo.data.error).toBe('unknown_tool');
		expect(typo.data.unknown[0].did_you_mean[0]).toBe('list_all_e_desk_tickets');

		const write = await callTool(readOnly.url, 'get_tool_schema', {
			names: ['create_a_e_desk_order_note'],
		});
		expect(write.isError).toBe(true);
		expect(write.data.unknown[0].did_you_mean.length).toBeGreaterThan(0);
		for (const name of write.data.unknown[0].did_you_mean) expect(readNames).toContain(name);

		const mixed = await callTool(readOnly.url, 'get_tool_schema', {
			names: ['get_single_e_desk_me', 'delete_a_e_desk_tag_by_id'],
		});
		expect(mixed.isError).toBe(false);
		expect(mixed.data.tools.map((t: { name: string }) => t.name)).toEqual(['get_single_e_desk_me']);
		expect(mixed.data.unknown.map((u: { name: string }) => u.name)).toEqual([
			'delete_a_e_desk_tag_by_id',
		]);
	});

	it('takes 1 to 5 names', async () => {
		for (const names of [[], ['a', 'b', 'c', 'd', 'e', 'f'], 'list_all_e_desk_tickets']) {
			const res = await callTool(full.url, 'get_tool_schema', { names });
			expect(res.isError).toBe(true);
			expect(res.data.error).toBe('invalid_arguments');
		}
	});
});

describe('call_tool', () => {
	it('gives byte-identical results to a direct call, paging included, and PATCH switches exposure', async () => {
		const accountId = await putTestAccount('Discovery shop');
		const created = await adminJson(`/integrated-account/${accountId}/mcp`, {
			method: 'POST',
			json: { name: 'switch', config: { methods: ['read', 'write'] } },
		});
		const url: string = created.body.url;
		const path = `/integrated-account/${accountId}/mcp/${created.body.id}`;
		// Closed tickets only: an open one's time_left_to_reply counts down by the second, so two reads of
		// it a moment apart need not be byte-identical.
		const closed = { limit: 2, filter_status_equals: 'Closed' };
		const direct = {
			get: await callTool(url, 'get_single_e_desk_ticket_by_id', { id: CLOSED_TICKET_ID }),
			page1: await callTool(url, 'list_all_e_desk_tickets', closed),
		};
		expect(direct.page1.data.next_cursor).toEqual(expect.any(String));
		const page2 = await callTool(url, 'list_all_e_desk_tickets', {
			next_cursor: direct.page1.data.next_cursor,
		});

		const patched = await adminJson(path, {
			method: 'PATCH',
			json: { config: { tool_exposure: 'discovery' } },
		});
		expect(patched.response.status).toBe(200);
		expect(patched.body.config).toEqual({
			methods: ['read', 'write'],
			tags: [],
			require_api_token_auth: false,
			tool_exposure: 'discovery',
		});
		expect((await listed(url)).map((t) => t.name)).toEqual(META_TOOLS);

		const get = await viaCallTool(url, 'get_single_e_desk_ticket_by_id', { id: CLOSED_TICKET_ID });
		expect(get.result).toEqual(direct.get.result);
		expect(JSON.stringify(get.result)).toBe(JSON.stringify(direct.get.result));
		const first = await viaCallTool(url, 'list_all_e_desk_tickets', closed);
		expect(first.result.content[0].text).toBe(direct.page1.result.content[0].text);
		const second = await viaCallTool(url, 'list_all_e_desk_tickets', {
			next_cursor: first.data.next_cursor,
		});
		expect(second.result.content[0].text).toBe(page2.result.content[0].text);
		expect(second.data.items[0].id).not.toBe(first.data.items[0].id);

		// On an equivalent "all" server too (its own cursor key, so only the get compares whole).
		const other = await callTool(fullAll.url, 'get_single_e_desk_ticket_by_id', {
			id: CLOSED_TICKET_ID,
		});
		expect(JSON.stringify(get.result)).toBe(JSON.stringify(other.result));

		const back = await adminJson(path, {
			method: 'PATCH',
			json: { config: { tool_exposure: 'all' } },
		});
		expect(back.body.config.tool_exposure).toBe('all');
		expect((await listed(url)).length).toBeGreaterThan(META_TOOLS.length);
		expect((await callTool(url, 'get_single_e_desk_me')).isError).toBe(false);
	});

	it('validates the tool arguments exactly as a direct call', async () => {
		const direct = await callTool(fullAll.url, 'get_single_e_desk_ticket_by_id', { id: 'x' });
		const via = await viaCallTool(full.url, 'get_single_e_desk_ticket_by_id', { id: 'x' });
		expect(via.result).toEqual(direct.result);
		expect(via.data.error).toBe('invalid_arguments');
		const notObject = await callTool(full.url, 'call_tool', {
			name: 'get_single_e_desk_me',
			arguments: '{}',
		});
		expect(notObject.isError).toBe(true);
		expect(notObject.data.error).toBe('invalid_arguments');
	});

	it('passes an eDesk 429 through with its rate-limit headers', async () => {
		await sandboxControl('fail-next', { status: 429 });
		const res = await viaCallTool(full.url, 'list_all_e_desk_tickets', {});
		expect(res.result.isError).toBe(true);
		expect(res.data).toMatchObject({ error: 'rate_limited', status: 429, retry_after_seconds: 1 });
		expect(res.response.headers.get('retry-after')).toBe('1');
		expect(res.response.headers.get('ratelimit-policy')).toBe('"edesk";q=60;w=30');
	});

	it('refuses a write tool on a read-only server, and nothing reaches eDesk', async () => {
		const server = await createTestServer({
			config: { methods: ['read'], tool_exposure: 'discovery' },
		});
		for (const name of ['create_a_e_desk_order_note', 'CREATE_A_E_DESK_ORDER_NOTE']) {
			const res = await viaCallTool(server.url, name, {
				sales_order_id: 1,
				text: 'should never be written',
			});
			expect(res.result.isError).toBe(true);
			expect(res.data.error).toBe('unknown_tool');
			expect(res.data.message).toContain('search_tools');
			for (const suggestion of res.data.did_you_mean) expect(readNames).toContain(suggestion);
		}
		expect((await sandboxControl('requests')).data).toEqual([]);
		const log = await activityOf(server, 2);
		expect(log.map((e) => [e.tool, e.outcome, e.error_code])).toEqual([
			['CREATE_A_E_DESK_ORDER_NOTE', 'refused', 'unknown_tool'],
			['create_a_e_desk_order_note', 'refused', 'unknown_tool'],
		]);
	});

	it('records the call under the real tool name, and the meta-tools under theirs', async () => {
		const server = await createTestServer({ config: { tool_exposure: 'discovery' } });
		await callTool(server.url, 'search_tools', { query: 'ticket' });
		await viaCallTool(server.url, 'get_single_e_desk_ticket_by_id', { id: TICKET_ID });
		const log = await activityOf(server, 2);
		expect(log.map((e) => [e.tool, e.outcome])).toEqual([
			['get_single_e_desk_ticket_by_id', 'ok'],
			['search_tools', 'ok'],
		]);
		expect(log[0].record_ids).toEqual({ id: TICKET_ID });
	});
});

describe('a direct tools/call on a discovery server', () => {
	it('is a tool error pointing to search_tools and call_tool for one of its tools, recorded as refused', async () => {
		const server = await createTestServer({ config: { tool_exposure: 'discovery' } });
		const res = await callTool(server.url, 'get_single_e_desk_ticket_by_id', { id: TICKET_ID });
		expect(res.response.status).toBe(200);
		expect(res.isError).toBe(true);
		expect(res.data.error).toBe('use_call_tool');
		expect(res.data.message).toContain('search_tools');
		expect(res.data.message).toContain('call_tool');
		expect((await sandboxControl('requests')).data).toEqual([]);
		const log = await activityOf(server, 1);
		expect(log[0]).toMatchObject({
			tool: 'get_single_e_desk_ticket_by_id',
			outcome: 'refused',
			error_code: 'use_call_tool',
		});
	});

	it('answers a name outside its tools as an unknown tool (-32602) that points to search_tools', async () => {
		const { body } = await rpc(readOnly.url, 'tools/call', {
			name: 'create_a_e_desk_order_note',
			arguments: { sales_order_id: 1, text: 'x' },
		});
		expect(body.error.code).toBe(-32602);
		expect(body.error.message).toMatch(
			/^Unknown tool: create_a_e_desk_order_note\. .*search_tools/,
		);
		expect((await sandboxControl('requests')).data).toEqual([]);
	});
});

describe('config.tool_exposure in the management API', () => {
	it('defaults to "all", refuses other values with 400, and previews the meta-tools', async () => {
		const accountId = await putTestAccount('Exposure shop');
		const base = `/integrated-account/${accountId}/mcp`;
		const plain = await adminJson(base, { method: 'POST', json: { name: 'plain' } });
		expect(plain.body.config.tool_exposure).toBe('all');
		for (const value of ['some', 'ALL', true, null]) {
			const bad = await adminJson(base, {
				method: 'POST',
				json: { name: 'bad', config: { tool_exposure: value } },
			});
			expect(bad.response.status).toBe(400);
			expect(bad.body.error.details).toContain(
				'config.tool_exposure: must be one of "all", "discovery"',
			);
		}
		const patch = await adminJson(`${base}/${plain.body.id}`, {
			method: 'PATCH',
			json: { config: { tool_exposure: 'some' } },
		});
		expect(patch.response.status).toBe(400);

		const preview = await adminJson(`${base}/preview`, {
			method: 'POST',
			json: { config: { methods: ['read'], tool_exposure: 'discovery' } },
		});
		expect(preview.body).toMatchObject({
			count: readNames.length,
			tool_exposure: 'discovery',
			listed: META_TOOLS,
		});
		expect(preview.body.tools.map((t: { name: string }) => t.name)).toEqual(readNames);
		const real = encode(JSON.stringify({ tools: await listed(readOnly.url) })).length;
		expect(Math.abs(preview.body.tokens_estimate - real) / real).toBeLessThanOrEqual(0.05);
	});

	it('serves a stored record without tool_exposure (written before it existed) as "all"', async () => {
		const { accountId } = await createTestServer();
		const token = createUrlToken();
		const hash = await sha256Hex(token);
		await env.TOKENS.put(
			tokenKey(hash),
			JSON.stringify({
				id: crypto.randomUUID(),
				account_id: accountId,
				name: 'legacy',
				config: { methods: ['read'], tags: [], require_api_token_auth: false },
				token_hash: hash,
				expires_at: null,
				created_at: new Date().toISOString(),
			}),
		);
		const url = `http://127.0.0.1/mcp/${token}`;
		expect((await listed(url)).map((t) => t.name)).toEqual(readNames);
		expect((await callTool(url, 'get_single_e_desk_me')).isError).toBe(false);
	});
});

describe('the OAuth consent page', () => {
	it('says that a discovery server reaches its tools through the three meta-tools', async () => {
		const { challenge } = await pkce();
		const path = authorizePath(
			await registerClient({ client_name: 'Discovery client' }),
			challenge,
		);
		const page = await openConsent(path);
		const checked = await submitConsent(
			path,
			page,
			{ step: 'check', key: readOnly.url },
			{ address: '198.51.100.80' },
		);
		const html = await checked.text();
		expect(html).toContain(`<dt>Tools</dt><dd>${readNames.length}</dd>`);
		expect(html).toContain(
			'<dt>Tool list</dt><dd>Discovery: the app finds and runs these tools through search_tools, get_tool_schema and call_tool</dd>',
		);
	});
});
