/** The seed's agent workflows, driven step by step with the official MCP SDK client against the sandbox. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const CUSTOMER_EMAIL = 'k7x2mq9pl3v8@marketplace.amazon.com';

let client: Client;
beforeAll(async () => {
	client = new Client({ name: 'workflow-test', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(inject('mcpUrl'))));
});
afterAll(async () => {
	await client.close();
});

/** Calls a tool and parses its JSON text; fails the test on isError. */
async function call(name: string, args: Record<string, unknown>): Promise<any> {
	const result = await client.callTool({ name, arguments: args });
	const text = (result.content as { type: string; text: string }[])[0]!.text;
	expect(result.isError, `${name}: ${text}`).toBeFalsy();
	return JSON.parse(text);
}

describe('workflow (a): triage a customer by email and draft a carrier-delay reply', () => {
	it('finds the ticket, checks tracking, finds the template and drafts without sending', async () => {
		const contacts = await call('list_all_e_desk_contacts', { email: CUSTOMER_EMAIL });
		expect(contacts.items).toHaveLength(1);
		const contact = contacts.items[0];

		const tickets = await call('list_all_e_desk_tickets', {
			filter_contact_id_equals: contact.id,
			order_by: 'created_at',
			order_direction: 'desc',
		});
		const unresolved = tickets.items.filter(
			(t: { status: string }) => !['Closed', 'Archived', 'Spam'].includes(t.status),
		);
		expect(unresolved.length).toBeGreaterThan(0);
		const ticket = unresolved[0];
		expect(ticket.contact_id).toBe(contact.id);
		const newest = Math.max(
			...unresolved.map((t: { id: number; created_at: string }) =>
				Date.parse(t.created_at.replace(' ', 'T') + 'Z'),
			),
		);
		expect(Date.parse(ticket.created_at.replace(' ', 'T') + 'Z')).toBe(newest);

		const order = await call('get_single_e_desk_sales_order_by_id', { id: ticket.sales_order_id });
		expect(order.status).toBe('InTransit');
		const tracking = await call('get_single_e_desk_sales_order_tracking_link_by_id', {
			id: order.id,
		});
		expect(tracking.tracking_links.length).toBeGreaterThan(0);
		expect(tracking.tracking_links[0].tracking_link).toMatch(/^https?:\/\//);

		const templates = await call('list_all_e_desk_templates', { limit: 100 });
		const delay = templates.items.find(
			(t: { name: string }) => /delay/i.test(t.name) && /carrier/i.test(t.name),
		);
		expect(delay).toBeDefined();
		const template = await call('get_single_e_desk_template_by_id', { id: delay.id });
		expect(template.body_text.length).toBeGreaterThan(20);

		const before = await call('get_single_e_desk_ticket_by_id', { id: ticket.id });
		const draft = `DRAFT (not sent) based on "${template.name}": ${template.body_text.slice(0, 200)} Tracking: ${tracking.tracking_links[0].tracking_link}`;
		const note = await call('create_a_e_desk_message', {
			ticket_id: ticket.id,
			type: 'Note',
			body: draft,
		});
		expect(note).toMatchObject({ type: 'Note', ticket_id: ticket.id });
		const after = await call('get_single_e_desk_ticket_by_id', { id: ticket.id });
		expect(after.messages_ids).toEqual([...before.messages_ids, note.id]);
		// A Note is internal: the ticket's reply count (outgoing customer messages) is unchanged.
		expect(after.replies ?? 0).toBe(before.replies ?? 0);
	});
});

describe('workflow (b): escalate a ticket', () => {
	it('adds an internal order note, looks up the escalations tag and updates status and tags', async () => {
		const open = await call('list_all_e_desk_tickets', { filter_status_equals: 'Open', limit: 20 });
		const ticket = open.items.find((t: { sales_order_id?: number }) => t.sales_order_id);
		expect(ticket).toBeDefined();
		const full = await call('get_single_e_desk_ticket_by_id', { id: ticket.id });

		const note = await call('create_a_e_desk_order_note', {
			sales_order_id: full.sales_order_id,
			text: 'Escalated: customer waiting on a delayed parcel.',
		});
		expect(note).toMatchObject({ sales_order_id: full.sales_order_id });
		const notes = await call('list_all_e_desk_order_notes', { limit: 100 });
		const all = [...notes.items];
		let cursor = notes.next_cursor;
		while (cursor) {
			const page = await call('list_all_e_desk_order_notes', { next_cursor: cursor });
			all.push(...page.items);
			cursor = page.next_cursor;
		}
		expect(all.some((n: { id: number }) => n.id === note.id)).toBe(true);

		const tags = await call('list_all_e_desk_tags', { limit: 100 });
		const escalations = tags.items.find((t: { name: string }) => /^escalations?$/i.test(t.name));
		expect(escalations).toBeDefined();

		const keep: number[] = full.tags_ids ?? [];
		const updated = await call('update_a_e_desk_ticket_by_id', {
			id: full.id,
			status: 'Pending',
			tag_ids: [...new Set([...keep, escalations.id])],
		});
		expect(updated.status).toBe('Pending');
		expect(updated.tags_ids).toEqual(expect.arrayContaining([...keep, escalations.id]));
		const reread = await call('get_single_e_desk_ticket_by_id', { id: full.id });
		expect(reread).toMatchObject({ status: 'Pending' });
		expect(reread.tags_ids).toContain(escalations.id);
	});
});
