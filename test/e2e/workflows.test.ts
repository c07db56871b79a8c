/**
 * The seed's two agent workflows, driven with the official MCP SDK client against `wrangler dev` and
 * the sandbox in the fewest tool calls an agent needs (README, "Workflows"). Each scenario counts its
 * calls; the checks after it (outside the count) read back what it changed.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const CUSTOMER_EMAIL = 'k7x2mq9pl3v8@marketplace.amazon.com';
const WORKFLOW_TICKET = 701581498;
const DELAYED_ORDER = 3777826195;
const ESCALATIONS_TAG = 4410021;

let client: Client;
beforeAll(async () => {
	client = new Client({ name: 'workflow-test', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(inject('mcpUrl'))));
});
afterAll(async () => {
	await client.close();
});

/** Calls a tool and returns its structuredContent (checked against the text); fails on isError. */
async function call(name: string, args: Record<string, unknown>): Promise<any> {
	const result = await client.callTool({ name, arguments: args });
	const text = (result.content as { type: string; text: string }[])[0]!.text;
	expect(result.isError, `${name}: ${text}`).toBeFalsy();
	expect(result.structuredContent, name).toEqual(JSON.parse(text));
	return result.structuredContent;
}

/** A scenario's tool calls, counted. */
function counter() {
	const calls: string[] = [];
	return {
		calls,
		call: (name: string, args: Record<string, unknown>) => {
			calls.push(name);
			return call(name, args);
		},
	};
}

describe('scenario 1: WISMO triage, from a customer email to a draft reply, sending nothing', () => {
	it('takes 5 calls: contact, newest open ticket, ticket with its order and tracking, templates, Note', async () => {
		const { calls, call: step } = counter();
		const contacts = await step('list_all_e_desk_contacts', { email: CUSTOMER_EMAIL });
		expect(contacts.items).toHaveLength(1);
		// Newest first by default: the first open ticket is the one to answer.
		const tickets = await step('list_all_e_desk_tickets', {
			filter_contact_id_equals: contacts.items[0].id,
			filter_status_equals: 'Open',
			limit: 1,
			fields: 'subject,sales_order_id',
		});
		const ticketId = tickets.items[0].id;
		expect(ticketId).toBe(WORKFLOW_TICKET);
		// The ticket embeds its sales order with tracking: no order or tracking-link call.
		const ticket = await step('get_single_e_desk_ticket_by_id', {
			id: ticketId,
			fields:
				'subject,time_left_to_reply,sales_order.seller_order_id,sales_order.status,sales_order.tracking_codes,sales_order.sales_order_delivery_dates',
		});
		expect(ticket.sales_order.status).toBe('InTransit');
		const tracking = ticket.sales_order.tracking_codes[0].tracking_link;
		expect(tracking).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
		// Templates come with their text; eDesk cannot search them by name, so the list is matched here.
		const templates = await step('list_all_e_desk_templates', {
			limit: 100,
			fields: 'name,body_text',
		});
		const delay = templates.items.find(
			(t: { name: string }) => /delay/i.test(t.name) && /carrier/i.test(t.name),
		);
		expect(delay?.id).toBe(913301);
		expect(delay.body_text).toContain('{{tracking_link}}');
		// eDesk has no drafts: the proposed reply goes in as an internal Note.
		const draft = `Draft reply (not sent): ${delay.body_text.replace('{{tracking_link}}', tracking)}`;
		const note = await step('create_a_e_desk_message', {
			ticket_id: ticketId,
			type: 'Note',
			body: draft,
		});
		expect(note).toMatchObject({ type: 'Note', ticket_id: ticketId });
		expect(calls).toEqual([
			'list_all_e_desk_contacts',
			'list_all_e_desk_tickets',
			'get_single_e_desk_ticket_by_id',
			'list_all_e_desk_templates',
			'create_a_e_desk_message',
		]);

		// Nothing reached the customer: the thread's last item is the Note and no reply was added.
		const after = await call('get_single_e_desk_ticket_by_id', {
			id: ticketId,
			fields: 'messages_ids,replies',
		});
		expect(after.messages_ids.at(-1)).toBe(note.id);
		const last = await call('get_single_e_desk_message_by_id', { id: note.id });
		expect(last).toMatchObject({ type: 'Note', body: draft });
		expect(last.direction).not.toBe('Outgoing');
	});
});

describe('scenario 2: escalate a ticket: internal order note, status, tag', () => {
	it('takes 4 calls: ticket, tags, order note, ticket update', async () => {
		const { calls, call: step } = counter();
		const ticket = await step('get_single_e_desk_ticket_by_id', {
			id: WORKFLOW_TICKET,
			fields: 'status,sales_order_id,tags_ids',
		});
		expect(ticket.sales_order_id).toBe(DELAYED_ORDER);
		const tags = await step('list_all_e_desk_tags', { limit: 100, fields: 'name' });
		const escalations = tags.items.find((t: { name: string }) => /^escalations?$/i.test(t.name));
		expect(escalations?.id).toBe(ESCALATIONS_TAG);
		const note = await step('create_a_e_desk_order_note', {
			sales_order_id: ticket.sales_order_id,
			text: 'Escalated: parcel stuck in Louisville, KY since Nov 16; customer waiting.',
		});
		expect(note.sales_order_id).toBe(DELAYED_ORDER);
		// tag_ids replaces the whole set: keep the ticket's tags and add the escalation.
		const keep: number[] = ticket.tags_ids ?? [];
		const updated = await step('update_a_e_desk_ticket_by_id', {
			id: WORKFLOW_TICKET,
			status: 'Pending',
			tag_ids: [...new Set([...keep, escalations.id])],
		});
		expect(updated.status).toBe('Pending');
		expect(calls).toHaveLength(4);

		const order = await call('get_single_e_desk_sales_order_by_id', {
			id: DELAYED_ORDER,
			fields: 'order_notes_id',
		});
		expect(order.order_notes_id).toContain(note.id);
		const reread = await call('get_single_e_desk_ticket_by_id', {
			id: WORKFLOW_TICKET,
			fields: 'status,tags_ids',
		});
		expect(reread.status).toBe('Pending');
		expect([...reread.tags_ids].sort()).toEqual([...new Set([...keep, ESCALATIONS_TAG])].sort());
	});
});
