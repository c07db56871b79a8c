/** The first eDesk tools, end to end: MCP tools/call → proxy → the eDesk sandbox Worker → back. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callTool, createTestServer, resetSandbox, type TestServer } from '../helpers/mcp';

let server: TestServer;
beforeAll(async () => {
	server = await createTestServer();
});
beforeEach(resetSandbox);

describe('first tools against the sandbox', () => {
	it('lists tickets with a cursor and reads one by id', async () => {
		const list = await callTool(server.url, 'list_all_e_desk_tickets', { limit: 2 });
		expect(list.isError).toBe(false);
		expect(list.data.items).toHaveLength(2);
		expect(list.data.has_more).toBe(true);
		expect(typeof list.data.next_cursor).toBe('string');
		const id = list.data.items[0].id;
		const one = await callTool(server.url, 'get_single_e_desk_ticket_by_id', { id });
		expect(one.isError).toBe(false);
		expect(one.data).toMatchObject({ id, subject: list.data.items[0].subject });
		expect(Array.isArray(one.data.messages_ids)).toBe(true);
	});

	it('reads a sales order by id with its line items', async () => {
		const list = await callTool(server.url, 'list_all_e_desk_tickets', { limit: 20 });
		const ticket = list.data.items.find((t: { sales_order_id?: number }) => t.sales_order_id);
		expect(ticket).toBeDefined();
		const order = await callTool(server.url, 'get_single_e_desk_sales_order_by_id', {
			id: ticket.sales_order_id,
		});
		expect(order.isError).toBe(false);
		expect(order.data.id).toBe(ticket.sales_order_id);
		expect(order.data.order_items.length).toBeGreaterThan(0);
	});

	it('creates a note on a ticket and sees it in messages_ids', async () => {
		const list = await callTool(server.url, 'list_all_e_desk_tickets', { limit: 1 });
		const ticketId = list.data.items[0].id;
		const created = await callTool(server.url, 'create_a_e_desk_message', {
			ticket_id: ticketId,
			body: 'Checked the carrier: parcel is moving.',
			type: 'Note',
		});
		expect(created.isError).toBe(false);
		expect(created.data).toMatchObject({
			type: 'Note',
			body: 'Checked the carrier: parcel is moving.',
		});
		const ticket = await callTool(server.url, 'get_single_e_desk_ticket_by_id', { id: ticketId });
		expect(ticket.data.messages_ids).toContain(created.data.id);
	});

	it('lists order notes and adds one to a sales order', async () => {
		const notes = await callTool(server.url, 'list_all_e_desk_order_notes', {});
		expect(notes.isError).toBe(false);
		expect(notes.data.items.length).toBeGreaterThan(0);
		const salesOrderId = notes.data.items[0].sales_order_id;
		const created = await callTool(server.url, 'create_a_e_desk_order_note', {
			sales_order_id: salesOrderId,
			text: 'Customer called about delivery.',
		});
		expect(created.isError).toBe(false);
		expect(created.data).toMatchObject({
			sales_order_id: salesOrderId,
			text: 'Customer called about delivery.',
		});
	});

	it('updates a ticket status and tags', async () => {
		const tags = await callTool(server.url, 'list_all_e_desk_tags', { limit: 100 });
		const escalations = tags.data.items.find((t: { name: string }) => /escalation/i.test(t.name));
		expect(escalations).toBeDefined();
		const list = await callTool(server.url, 'list_all_e_desk_tickets', {
			limit: 1,
			filter_status_equals: 'Open',
		});
		const id = list.data.items[0].id;
		const updated = await callTool(server.url, 'update_a_e_desk_ticket_by_id', {
			id,
			status: 'Pending',
			tag_ids: [escalations.id],
		});
		expect(updated.isError).toBe(false);
		expect(updated.data).toMatchObject({ id, status: 'Pending', tags_ids: [escalations.id] });
	});

	it('lists templates and contacts', async () => {
		const templates = await callTool(server.url, 'list_all_e_desk_templates', {});
		expect(templates.isError).toBe(false);
		expect(templates.data.items.some((t: { name: string }) => /delay/i.test(t.name))).toBe(true);
		const contacts = await callTool(server.url, 'list_all_e_desk_contacts', {});
		expect(contacts.isError).toBe(false);
		expect(
			contacts.data.items.some((c: { email?: string }) =>
				c.email?.endsWith('@marketplace.amazon.com'),
			),
		).toBe(true);
	});

	it('returns an eDesk 404 as an isError result the model can act on', async () => {
		const res = await callTool(server.url, 'get_single_e_desk_ticket_by_id', { id: 999999999 });
		expect(res.isError).toBe(true);
		expect(res.data).toMatchObject({ error: 'not_found', status: 404 });
	});

	it('returns an eDesk validation error with the argument name', async () => {
		const res = await callTool(server.url, 'create_a_e_desk_order_note', {
			sales_order_id: 123,
			text: 'x',
		});
		expect(res.isError).toBe(true);
		expect(res.data.status).toBe(400);
		expect(res.data.fields[0]).toMatchObject({ field: 'sales_order_id', error_code: '4002' });
	});

	it('returns a bad argument as isError naming the field, before any eDesk call', async () => {
		const res = await callTool(server.url, 'list_all_e_desk_tickets', {
			filter_status_equals: 'Nope',
		});
		expect(res.isError).toBe(true);
		expect(res.data.error).toBe('invalid_arguments');
		expect(JSON.stringify(res.data.issues)).toContain('filter_status_equals');
	});
});
