/**
 * Every tools/call of an MCP server is in its activity log (path-token and OAuth), refused
 * tool names too, with outcome, duration, record ids and a write's payload size, and nothing of a
 * message body; the log reads newest first with paging and `since`; server records carry last use
 * and 24-hour counts.
 */
import { describe, expect, it } from 'vitest';
import { adminFetch, adminJson } from '../helpers/admin';
import { callTool, createTestServer, resetSandbox, rpc, sandboxControl } from '../helpers/mcp';
import { oauthRpc, signIn } from '../helpers/oauth';
import { activityOf } from '../helpers/activity';

const activityPath = (s: { accountId: string; serverId: string }, query = '') =>
	`/integrated-account/${s.accountId}/mcp/${s.serverId}/activity${query}`;

describe('the activity log', () => {
	it('records a read, a write, an isError and a refused write tool, newest first, without any text', async () => {
		await resetSandbox();
		const server = await createTestServer({
			config: { methods: ['read', 'create'], tags: ['orders'] },
		});
		const started = Date.now();
		await callTool(server.url, 'get_single_e_desk_sales_order_by_id', { id: 99999999 });
		const orders = await callTool(server.url, 'list_all_e_desk_sales_orders', { limit: 1 });
		const orderId = orders.data.items[0].id;
		const secretText = 'Customer says: my card ends 4242';
		await callTool(server.url, 'create_a_e_desk_order_note', {
			sales_order_id: orderId,
			text: secretText,
		});
		await rpc(server.url, 'tools/call', {
			name: 'delete_a_e_desk_tag_by_id',
			arguments: { id: 7 },
		});

		await activityOf(server, 4);
		const { response, body } = await adminJson(activityPath(server));
		expect(response.status).toBe(200);
		expect(body.next_cursor).toBeNull();
		expect(body.data.map((e: { tool: string }) => e.tool)).toEqual([
			'delete_a_e_desk_tag_by_id',
			'create_a_e_desk_order_note',
			'list_all_e_desk_sales_orders',
			'get_single_e_desk_sales_order_by_id',
		]);
		const [refused, write, list, missing] = body.data;
		expect(refused).toMatchObject({
			outcome: 'refused',
			error_code: 'unknown_tool',
			via: 'url',
			record_ids: {},
		});
		expect(write).toMatchObject({
			outcome: 'ok',
			error_code: null,
			record_ids: { sales_order_id: orderId },
			payload_bytes: JSON.stringify({ sales_order_id: orderId, text: secretText }).length,
		});
		expect(list).toMatchObject({ outcome: 'ok', record_ids: {}, payload_bytes: null });
		expect(missing).toMatchObject({
			outcome: 'error',
			error_code: 'not_found',
			status: 404,
			record_ids: { id: 99999999 },
		});
		for (const entry of body.data) {
			expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started - 1_000);
			expect(entry.duration_ms).toBeGreaterThanOrEqual(0);
		}
		expect(JSON.stringify(body)).not.toContain('4242');
		expect(JSON.stringify(body)).not.toContain(server.token);
	});

	it('records a passed-through 429 as rate_limited', async () => {
		await resetSandbox();
		const server = await createTestServer({ config: { methods: ['read'] } });
		await sandboxControl('fail-next', { status: 429 });
		await callTool(server.url, 'get_single_e_desk_me');
		await activityOf(server, 1);
		const { body } = await adminJson(activityPath(server));
		expect(body.data[0]).toMatchObject({
			tool: 'get_single_e_desk_me',
			outcome: 'error',
			error_code: 'rate_limited',
			status: 429,
		});
	});

	it('records OAuth calls with their client and grant', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		const { clientId, tokens } = await signIn(server.url);
		await oauthRpc(tokens.access_token, 'tools/call', {
			name: 'get_single_e_desk_me',
			arguments: {},
		});
		await activityOf(server, 1);
		const { body } = await adminJson(activityPath(server));
		expect(body.data[0]).toMatchObject({
			tool: 'get_single_e_desk_me',
			via: 'oauth',
			client_id: clientId,
			grant_id: expect.any(String),
		});
		const grants = await adminJson(
			`/integrated-account/${server.accountId}/mcp/${server.serverId}/grants`,
		);
		expect(grants.body.data[0].id).toBe(body.data[0].grant_id);
	});

	it('pages with limit and cursor and filters with since', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		for (let i = 0; i < 5; i++) await callTool(server.url, 'get_single_e_desk_me');
		await activityOf(server, 5);
		const first = await adminJson(activityPath(server, '?limit=2'));
		expect(first.body.data).toHaveLength(2);
		const second = await adminJson(
			activityPath(server, `?limit=2&cursor=${first.body.next_cursor}`),
		);
		const third = await adminJson(
			activityPath(server, `?limit=2&cursor=${second.body.next_cursor}`),
		);
		expect(third.body.data).toHaveLength(1);
		expect(third.body.next_cursor).toBeNull();
		const ids = [...first.body.data, ...second.body.data, ...third.body.data].map(
			(e: { id: string }) => e.id,
		);
		expect(new Set(ids).size).toBe(5);
		const future = await adminJson(
			activityPath(server, `?since=${new Date(Date.now() + 60_000).toISOString()}`),
		);
		expect(future.body.data).toEqual([]);
	});

	it('answers 400 for a bad query and 404 for a server the account does not have', async () => {
		const server = await createTestServer();
		for (const query of [
			'?limit=0',
			'?limit=1000',
			'?cursor=abc',
			'?since=yesterday',
			'?order=asc',
		]) {
			expect((await adminFetch(activityPath(server, query))).status, query).toBe(400);
		}
		// One message per bad parameter, naming it; a whole-query problem is the query's.
		for (const [query, details] of [
			['?limit=0', ['limit: must be a whole number from 1 to 200']],
			['?limit=abc', ['limit: must be a whole number from 1 to 200']],
			['?order=asc', ['query: unknown parameter(s): order']],
		] as const) {
			const res = await adminJson(activityPath(server, query));
			expect(res.body.error.details, query).toEqual(details);
		}
		const other = await createTestServer();
		await callTool(other.url, 'get_single_e_desk_me');
		await activityOf(other, 1);
		expect(
			(await adminFetch(`/integrated-account/${server.accountId}/mcp/${other.serverId}/activity`))
				.status,
		).toBe(404);
	});

	it('stays readable after the server is revoked', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		await callTool(server.url, 'get_single_e_desk_me');
		await activityOf(server, 1);
		await adminFetch(`/integrated-account/${server.accountId}/mcp/${server.serverId}`, {
			method: 'DELETE',
		});
		const { response, body } = await adminJson(activityPath(server));
		expect(response.status).toBe(200);
		expect(body.data).toHaveLength(1);
	});
});

describe('server records', () => {
	it('carry last_used_at and the calls and errors of the last 24 hours', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		const before = Date.now();
		await callTool(server.url, 'get_single_e_desk_me');
		await callTool(server.url, 'get_single_e_desk_tag_by_id', { id: 'x' });
		await rpc(server.url, 'tools/call', { name: 'create_a_e_desk_tag', arguments: {} });
		await activityOf(server, 3);
		const { body } = await adminJson(
			`/integrated-account/${server.accountId}/mcp/${server.serverId}`,
		);
		expect(body).toMatchObject({ calls_24h: 3, errors_24h: 2 });
		expect(Date.parse(body.last_used_at)).toBeGreaterThanOrEqual(before - 1_000);
		const list = await adminJson(`/integrated-account/${server.accountId}/mcp`);
		expect(list.body.data[0]).toMatchObject({ id: server.serverId, calls_24h: 3, errors_24h: 2 });
	});
});
