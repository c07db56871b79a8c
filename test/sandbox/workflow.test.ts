/** The seeded agent workflow: find the customer's most recent unresolved ticket by e-mail, check
 * its order's tracking, find the carrier-delay template, draft a reply as a note. */
import { beforeEach, describe, expect, it } from 'vitest';
import { callJson, resetSandbox, type DataBody, type ListBody } from './helpers';

beforeEach(resetSandbox);

interface Ticket {
	id: number;
	status: string;
	sales_order_id: number | null;
	created_at: string;
	messages_ids: number[];
}

describe('agent workflow on the seed', () => {
	it('goes from an Amazon relay e-mail to a drafted carrier-delay reply', async () => {
		const contacts = await callJson<ListBody<{ id: number }>>(
			'/contacts?email=k7x2mq9pl3v8@marketplace.amazon.com',
		);
		const contactId = contacts.body.data[0]?.id;
		expect(contactId).toBe(3478494326);

		const tickets = await callJson<ListBody<Ticket>>(
			`/tickets?filter_contact_id_equals=${String(contactId)}&order_by=created_at&order_direction=desc`,
		);
		expect(tickets.body.data.length).toBeGreaterThanOrEqual(3);
		const unresolved = tickets.body.data.find(
			(t) => t.status !== 'Closed' && t.status !== 'Archived',
		);
		expect(unresolved).toMatchObject({ id: 701581498, status: 'Open', sales_order_id: 3777826195 });

		const order = await callJson<
			DataBody<{
				status: string;
				tracking_codes: { tracking_link: string; tracking_carrier_name: string }[];
				sales_order_delivery_dates: { expected_delivery_to: string };
			}>
		>(`/sales-orders/${String(unresolved?.sales_order_id)}`);
		expect(order.body.data.status).toBe('InTransit');
		expect(order.body.data.tracking_codes[0]).toMatchObject({ tracking_carrier_name: 'UPS' });
		expect(order.body.data.sales_order_delivery_dates.expected_delivery_to < '2026-11-20').toBe(
			true,
		);

		const templates = await callJson<
			ListBody<{ id: number; name: string; query_type: string[] | null; body_text: string }>
		>('/templates?itemsPerPage=100');
		const template = templates.body.data.find(
			(t) => t.query_type?.includes('OrderShippingInquiry') && /delay/i.test(t.name),
		);
		expect(template?.id).toBe(913301);

		const draft = await callJson<DataBody<{ id: number; type: string }>>('/messages', {
			method: 'POST',
			body: {
				ticket_id: unresolved?.id,
				type: 'Note',
				body: `Draft: ${template?.body_text ?? ''}`,
			},
		});
		expect(draft.status).toBe(200);
		const after = await callJson<DataBody<Ticket>>(`/tickets/${String(unresolved?.id)}`);
		expect(after.body.data.messages_ids.at(-1)).toBe(draft.body.data.id);
	});
});
