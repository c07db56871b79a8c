/** List tools: limit, opaque signed cursors that carry their filters, compact results under a byte budget. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIST_RESULT_MAX_BYTES } from '../../worker/tools/execute';
import { callTool, createTestServer, resetSandbox, type TestServer } from '../helpers/mcp';

let server: TestServer;
let other: TestServer;
beforeAll(async () => {
	server = await createTestServer();
	other = await createTestServer();
});
beforeEach(resetSandbox);

describe('list cursors', () => {
	it('pages through every ticket exactly once with next_cursor passed back unchanged', async () => {
		const first = await callTool(server.url, 'list_all_e_desk_tickets', { limit: 4 });
		const total: number = first.data.total;
		const seen: number[] = first.data.items.map((t: { id: number }) => t.id);
		let cursor: string | undefined = first.data.next_cursor;
		let pages = 1;
		while (cursor) {
			const page = await callTool(server.url, 'list_all_e_desk_tickets', { next_cursor: cursor });
			expect(page.isError).toBe(false);
			seen.push(...page.data.items.map((t: { id: number }) => t.id));
			expect(page.data.has_more).toBe(Boolean(page.data.next_cursor));
			cursor = page.data.next_cursor;
			pages += 1;
			expect(pages).toBeLessThan(50);
		}
		expect(seen).toHaveLength(total);
		expect(new Set(seen).size).toBe(total);
	});

	it('keeps the filters inside the cursor', async () => {
		const first = await callTool(server.url, 'list_all_e_desk_tickets', {
			limit: 1,
			filter_status_equals: 'Open',
		});
		expect(first.data.items[0].status).toBe('Open');
		const second = await callTool(server.url, 'list_all_e_desk_tickets', {
			next_cursor: first.data.next_cursor,
		});
		expect(second.isError).toBe(false);
		expect(second.data.items[0].status).toBe('Open');
		expect(second.data.total).toBe(first.data.total);
	});

	it('refuses a cursor with other filters', async () => {
		const first = await callTool(server.url, 'list_all_e_desk_tickets', {
			limit: 1,
			filter_status_equals: 'Open',
		});
		const res = await callTool(server.url, 'list_all_e_desk_tickets', {
			next_cursor: first.data.next_cursor,
			filter_status_equals: 'Closed',
		});
		expect(res.isError).toBe(true);
		expect(res.data).toMatchObject({ error: 'invalid_cursor' });
		expect(res.data.message).toMatch(/other filters/);
	});

	it('refuses a forged or tampered cursor', async () => {
		const first = await callTool(server.url, 'list_all_e_desk_tickets', { limit: 1 });
		const [payload, sig] = (first.data.next_cursor as string).split('.');
		const forgedPayload = btoa(JSON.stringify(['list_all_e_desk_tickets', {}, 2, 100, 0])).replace(
			/=+$/,
			'',
		);
		for (const cursor of [
			'garbage',
			`${forgedPayload}.${sig}`,
			`${payload}.AAAAAAAAAAAAAAAAAAAAAA`,
			`${payload}`,
		]) {
			const res = await callTool(server.url, 'list_all_e_desk_tickets', { next_cursor: cursor });
			expect(res.isError, cursor).toBe(true);
			expect(res.data.error).toBe('invalid_cursor');
		}
	});

	it('refuses a cursor issued by another tool or another MCP server', async () => {
		const tickets = await callTool(server.url, 'list_all_e_desk_tickets', { limit: 1 });
		const wrongTool = await callTool(server.url, 'list_all_e_desk_contacts', {
			next_cursor: tickets.data.next_cursor,
		});
		expect(wrongTool.data.error).toBe('invalid_cursor');
		const wrongServer = await callTool(other.url, 'list_all_e_desk_tickets', {
			next_cursor: tickets.data.next_cursor,
		});
		expect(wrongServer.data.error).toBe('invalid_cursor');
	});

	it('defaults to 10 items and caps limit at 100', async () => {
		const page = await callTool(server.url, 'list_all_e_desk_tickets', {});
		expect(page.data.items.length).toBeLessThanOrEqual(10);
		const tooMany = await callTool(server.url, 'list_all_e_desk_tickets', { limit: 101 });
		expect(tooMany.isError).toBe(true);
		expect(JSON.stringify(tooMany.data.issues)).toContain('limit');
	});
});

describe('compact results under the byte budget', () => {
	it('has no whitespace, nulls or empty values', async () => {
		const page = await callTool(server.url, 'list_all_e_desk_tickets', { limit: 5 });
		const text: string = page.result.content[0].text;
		expect(text).not.toMatch(/":\s*null|":""|":\[\]|":\{\}/);
		expect(text).toBe(JSON.stringify(JSON.parse(text)));
	});

	it('drops whole items past the budget and continues on the same page', async () => {
		// By id, oldest first (the default is newest first), so the continuation's ids are all higher.
		const big = await callTool(server.url, 'list_all_e_desk_tickets', {
			limit: 100,
			order_by: 'id',
			order_direction: 'asc',
		});
		const text: string = big.result.content[0].text;
		expect(new TextEncoder().encode(text).byteLength).toBeLessThan(LIST_RESULT_MAX_BYTES + 500);
		expect(big.data.items.length).toBeLessThan(big.data.total);
		expect(big.data.has_more).toBe(true);
		const rest = await callTool(server.url, 'list_all_e_desk_tickets', {
			next_cursor: big.data.next_cursor,
		});
		const firstIds = big.data.items.map((t: { id: number }) => t.id);
		const restIds = rest.data.items.map((t: { id: number }) => t.id);
		expect(restIds.some((id: number) => firstIds.includes(id))).toBe(false);
		expect(Math.min(...restIds)).toBeGreaterThan(Math.max(...firstIds));
	});
});
