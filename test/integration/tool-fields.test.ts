/**
 * `fields` on get and list tools (paths into the record, checked against its shape), structuredContent
 * on every successful result, and the newest-first default of the tickets list, against the sandbox.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callTool, createTestServer, resetSandbox, type TestServer } from '../helpers/mcp';

const WORKFLOW_TICKET = 701581498;

let server: TestServer;
beforeAll(async () => {
	server = await createTestServer({ config: { methods: ['read'] } });
});
beforeEach(resetSandbox);

/** The sandbox's own answer, straight from the eDesk API (not through the Worker). */
async function edesk(path: string): Promise<any> {
	const response = await env.EDESK_SANDBOX!.fetch(`http://edesk-sandbox.local/v1${path}`, {
		headers: { authorization: 'Bearer sandbox-read-only', accept: 'application/json' },
	});
	expect(response.status).toBe(200);
	return response.json();
}

describe('fields', () => {
	it('keeps only the named paths of a get (and the id), nested ones too', async () => {
		const { isError, data } = await callTool(server.url, 'get_single_e_desk_ticket_by_id', {
			id: WORKFLOW_TICKET,
			fields: 'status, sales_order.status,sales_order.tracking_codes.tracking_link',
		});
		expect(isError).toBe(false);
		expect(data).toEqual({
			id: WORKFLOW_TICKET,
			status: 'Open',
			sales_order: {
				status: 'InTransit',
				tracking_codes: [
					{ tracking_link: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' },
				],
			},
		});
	});

	it('refuses a path the record does not have, naming the fields there', async () => {
		const top = await callTool(server.url, 'get_single_e_desk_ticket_by_id', {
			id: WORKFLOW_TICKET,
			fields: 'status,stauts',
		});
		expect(top.isError).toBe(true);
		expect(top.data.error).toBe('invalid_arguments');
		expect(top.data.issues).toHaveLength(1);
		expect(top.data.issues[0].field).toBe('fields');
		expect(top.data.issues[0].message).toMatch(
			/^"stauts": no field "stauts"; fields: id, subject, /,
		);
		expect(top.data.issues[0].message).toContain('time_left_to_reply');

		const nested = await callTool(server.url, 'get_single_e_desk_ticket_by_id', {
			id: WORKFLOW_TICKET,
			fields: 'sales_order.order_items.sku',
		});
		expect(nested.isError).toBe(true);
		expect(nested.data.issues[0].message).toBe(
			'"sales_order.order_items.sku": no field "sku"; fields of sales_order.order_items: id, product, quantity, end_price',
		);
		const leaf = await callTool(server.url, 'get_single_e_desk_ticket_by_id', {
			id: WORKFLOW_TICKET,
			fields: 'subject.length',
		});
		expect(leaf.data.issues[0].message).toBe('"subject.length": subject has no fields');
		for (const bad of ['__proto__', 'constructor', 'toString', ' , ']) {
			const r = await callTool(server.url, 'get_single_e_desk_ticket_by_id', {
				id: WORKFLOW_TICKET,
				fields: bad,
			});
			expect(r.isError, bad).toBe(true);
		}
	});

	it('projects every item of a list and keeps the projection over next_cursor pages', async () => {
		const first = await callTool(server.url, 'list_all_e_desk_tickets', {
			fields: 'subject,status',
			limit: 3,
		});
		expect(first.isError).toBe(false);
		expect(first.data.items).toHaveLength(3);
		for (const item of first.data.items) {
			expect(Object.keys(item).sort()).toEqual(['id', 'status', 'subject']);
		}
		const second = await callTool(server.url, 'list_all_e_desk_tickets', {
			next_cursor: first.data.next_cursor,
		});
		expect(second.isError).toBe(false);
		for (const item of second.data.items) {
			expect(Object.keys(item).sort()).toEqual(['id', 'status', 'subject']);
		}
		// The same six tickets, in the same order, as eDesk's own newest-first listing.
		const upstream = await edesk(
			'/tickets?order_by=created_at&order_direction=desc&page=1&itemsPerPage=6',
		);
		expect([...first.data.items, ...second.data.items].map((t: { id: number }) => t.id)).toEqual(
			upstream.data.map((t: { id: number }) => t.id),
		);
		// A later page may ask for other fields; the cursor stays valid.
		const other = await callTool(server.url, 'list_all_e_desk_tickets', {
			next_cursor: first.data.next_cursor,
			fields: 'channel_id',
		});
		expect(other.isError).toBe(false);
		expect(other.data.items.map((t: { id: number }) => t.id)).toEqual(
			second.data.items.map((t: { id: number }) => t.id),
		);
		for (const item of other.data.items)
			expect(Object.keys(item).sort()).toEqual(['channel_id', 'id']);
	});

	it('returns the embedded sales order of list items when fields names it', async () => {
		const { data } = await callTool(server.url, 'list_all_e_desk_tickets', {
			filter_sales_order_id_equals: 3777826195,
			fields: 'sales_order.status',
		});
		expect(data.items).toEqual([{ id: WORKFLOW_TICKET, sales_order: { status: 'InTransit' } }]);
		const plain = await callTool(server.url, 'list_all_e_desk_tickets', {
			filter_sales_order_id_equals: 3777826195,
		});
		expect(plain.data.items[0]).not.toHaveProperty('sales_order');
		expect(plain.data.items[0].sales_order_id).toBe(3777826195);
	});
});

describe('structuredContent', () => {
	it('carries the same data as the text on a get and a list, and is left out of errors', async () => {
		const get = await callTool(server.url, 'get_single_e_desk_ticket_by_id', {
			id: WORKFLOW_TICKET,
		});
		expect(get.result.structuredContent).toEqual(get.data);
		expect(get.result.structuredContent.subject).toBe('Where is my order? 113-4567890-1234567');
		const list = await callTool(server.url, 'list_all_e_desk_tickets', { limit: 2 });
		expect(list.result.structuredContent).toEqual(list.data);
		expect(Object.keys(list.result.structuredContent)).toEqual([
			'items',
			'has_more',
			'next_cursor',
			'total',
		]);
		const missing = await callTool(server.url, 'get_single_e_desk_ticket_by_id', { id: 1 });
		expect(missing.isError).toBe(true);
		expect(missing.result).not.toHaveProperty('structuredContent');
	});

	it('declares no outputSchema on any tool', async () => {
		const full = await createTestServer();
		const { rpc } = await import('../helpers/mcp');
		const { body } = await rpc(full.url, 'tools/list');
		for (const tool of body.result.tools)
			expect(tool, tool.name).not.toHaveProperty('outputSchema');
	});
});

describe('list order', () => {
	it('lists tickets and sales orders newest first unless order_by says otherwise', async () => {
		const created = (items: { created_at: string }[]) => items.map((i) => i.created_at);
		const tickets = await callTool(server.url, 'list_all_e_desk_tickets', { limit: 20 });
		const times = created(tickets.data.items);
		expect(times.length).toBeGreaterThan(5);
		expect([...times].sort().reverse()).toEqual(times);
		const orders = await callTool(server.url, 'list_all_e_desk_sales_orders', { limit: 20 });
		const orderTimes = created(orders.data.items);
		expect([...orderTimes].sort().reverse()).toEqual(orderTimes);
		const oldest = await callTool(server.url, 'list_all_e_desk_tickets', {
			limit: 20,
			order_direction: 'asc',
		});
		expect([...created(oldest.data.items)].sort()).toEqual(created(oldest.data.items));
	});
});
