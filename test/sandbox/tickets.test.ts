/** Ticket operations: list filters, get, create, partial update, data update, delete = archive. */
import { beforeEach, describe, expect, it } from 'vitest';
import { callJson, resetSandbox, validationBody, type DataBody, type ListBody } from './helpers';

beforeEach(resetSandbox);

interface Ticket {
	id: number;
	subject: string;
	type: string;
	status: string;
	channel_id: number;
	contact_id: number | null;
	sales_order_id: number | null;
	sales_order: { id: number; seller_order_id: string } | null;
	tags_ids: number[];
	messages_ids: number[];
	custom_fields: { id: number; name: string; value: string }[];
	owner_user_id: number | null;
	last_updated_at: string | null;
	created_at: string;
	replies: number;
}

const ids = (body: ListBody<Ticket>): number[] => body.data.map((t) => t.id);

describe('GET /tickets filters', () => {
	it('filters by contact, status and type', async () => {
		const { body } = await callJson<ListBody<Ticket>>(
			'/tickets?filter_contact_id_equals=3478494326&filter_status_equals=Open',
		);
		expect(ids(body)).toEqual([701581498]);
		const byType = await callJson<ListBody<Ticket>>('/tickets?filter_type_equals=Cancellation');
		expect(ids(byType.body)).toEqual([701581629]);
	});

	it('filters by channel, owner, sales order and seller order id', async () => {
		const channel = await callJson<ListBody<Ticket>>('/tickets?filter_channel_id_equals=402117');
		expect(ids(channel.body)).toEqual([701581615]);
		const owner = await callJson<ListBody<Ticket>>('/tickets?filter_owner_user_id_equals=118205');
		expect(ids(owner.body)).toEqual([701581519, 701581530, 701581655]);
		const order = await callJson<ListBody<Ticket>>(
			'/tickets?filter_sales_order_id_equals=3777826010',
		);
		expect(ids(order.body)).toEqual([701581402, 701581455]);
		const seller = await callJson<ListBody<Ticket>>(
			'/tickets?filter_seller_order_id_equals=113-4567890-1234567',
		);
		expect(ids(seller.body)).toEqual([701581498]);
	});

	it('supports the wide filter statuses Unread and Priority', async () => {
		const unread = await callJson<ListBody<Ticket>>('/tickets?filter_status_equals=Unread');
		expect(ids(unread.body)).toContain(701581498);
		const priority = await callJson<ListBody<Ticket>>('/tickets?filter_status_equals=Priority');
		expect(ids(priority.body)).toEqual([701581519, 701581561]);
	});

	it('filters by created_at and last_updated_at days, inclusive', async () => {
		const created = await callJson<ListBody<Ticket>>(
			'/tickets?filter_created_at_gte=2026-11-20&filter_created_at_lte=2026-11-20',
		);
		expect(ids(created.body)).toEqual([701581498, 701581530]);
		const updated = await callJson<ListBody<Ticket>>(
			'/tickets?filter_last_updated_at_gte=2026-11-24',
		);
		expect(ids(updated.body)).toEqual([701581503, 701581602, 701581615]);
	});

	it('rejects bad filter values with string codes', async () => {
		const { status, body } = await callJson(
			'/tickets?filter_status_equals=Solved&filter_contact_id_equals=abc&filter_created_at_gte=yesterday',
		);
		expect(status).toBe(400);
		expect(body).toEqual(
			validationBody({
				filter_contact_id_equals: '4005',
				filter_status_equals: '4007',
				filter_created_at_gte: '4010',
			}),
		);
	});
});

describe('GET /tickets/{id}', () => {
	it('embeds the sales order and lists message ids chronologically', async () => {
		const { body } = await callJson<DataBody<Ticket>>('/tickets/701581498');
		expect(body.data.sales_order).toMatchObject({
			id: 3777826195,
			seller_order_id: '113-4567890-1234567',
		});
		expect(body.data.messages_ids).toHaveLength(4);
		expect(body.data.last_updated_at).toBe('2026-11-23 08:47:30');
		expect(body.data.replies).toBe(0);
	});
});

describe('POST /tickets', () => {
	it('creates a ticket with an inline contact', async () => {
		const { status, body } = await callJson<DataBody<Ticket>>('/tickets', {
			method: 'POST',
			body: {
				subject: 'Hello',
				channel_id: 372698,
				status: 'Open',
				contact: { email: 'new.buyer@example.com', full_name: 'New Buyer' },
			},
		});
		expect(status).toBe(200);
		expect(body.data).toMatchObject({
			subject: 'Hello',
			status: 'Open',
			messages_ids: [],
			last_updated_at: null,
			replies: 0,
		});
		const contacts = await callJson<ListBody<{ id: number }>>(
			'/contacts?email=new.buyer@example.com',
		);
		expect(contacts.body.data.map((c) => c.id)).toEqual([body.data.contact_id]);
		const again = await callJson<DataBody<Ticket>>(`/tickets/${String(body.data.id)}`);
		expect(again.body.data.subject).toBe('Hello');
	});

	it('returns only the id when full_response is false', async () => {
		const { body } = await callJson<DataBody>('/tickets', {
			method: 'POST',
			body: { subject: 'Short', channel_id: 372698, status: 'Open', full_response: false },
		});
		expect(Object.keys(body.data)).toEqual(['id']);
	});

	it('reports missing, enum, related and email errors per field', async () => {
		const { status, body } = await callJson('/tickets', {
			method: 'POST',
			body: {
				channel_id: 1,
				status: 'Unread',
				contact: { email: 'not-an-email' },
				created_at: '2026-13-01 00:00:00',
			},
		});
		expect(status).toBe(400);
		expect(body).toEqual(
			validationBody({
				subject: '4001',
				channel_id: '4002',
				status: '4007',
				created_at: '4010',
				'contact.email': '4021',
			}),
		);
	});

	it('rejects a sales order from another channel with 4014', async () => {
		const { body } = await callJson('/tickets', {
			method: 'POST',
			body: { subject: 'x', channel_id: 372698, status: 'Open', sales_order_id: 3777826195 },
		});
		expect(body).toEqual(validationBody({ sales_order_id: '4014' }));
	});
});

describe('PUT /tickets/{id}', () => {
	it('updates only the given fields', async () => {
		const { body } = await callJson<DataBody<Ticket>>('/tickets/701581498', {
			method: 'PUT',
			body: { status: 'Pending', owner_user_id: 118204 },
		});
		expect(body.data).toMatchObject({
			status: 'Pending',
			owner_user_id: 118204,
			subject: 'Where is my order? 113-4567890-1234567',
		});
	});

	it('replaces tags_ids with tag_ids', async () => {
		const { body } = await callJson<DataBody<Ticket>>('/tickets/701581498', {
			method: 'PUT',
			body: { tag_ids: [4410021, 4410031] },
		});
		expect(body.data.tags_ids).toEqual([4410021, 4410031]);
	});

	it('ignores a tags_ids request field (the request name is tag_ids)', async () => {
		const { body } = await callJson<DataBody<Ticket>>('/tickets/701581498', {
			method: 'PUT',
			body: { tags_ids: [] },
		});
		expect(body.data.tags_ids).toEqual([4410041, 4410032]);
	});

	it('reports unknown tags at their index and non-array tag_ids with 4006', async () => {
		const bad = await callJson('/tickets/701581498', {
			method: 'PUT',
			body: { tag_ids: [4410021, 1] },
		});
		expect(bad.body).toEqual(validationBody({ 'tag_ids.1': '4002' }));
		const notArray = await callJson('/tickets/701581498', {
			method: 'PUT',
			body: { tag_ids: 4410021 },
		});
		expect(notArray.body).toEqual(validationBody({ tag_ids: '4006' }));
	});

	it('accepts the wide statuses without changing the real status', async () => {
		await callJson('/tickets/701581498', { method: 'PUT', body: { status: 'Read' } });
		const unread = await callJson<ListBody<Ticket>>('/tickets?filter_status_equals=Unread');
		expect(ids(unread.body)).not.toContain(701581498);
		const { body } = await callJson<DataBody<Ticket>>('/tickets/701581498');
		expect(body.data.status).toBe('Open');
	});
});

describe('PUT /tickets/{id}/data', () => {
	it('sets custom fields by name', async () => {
		const { status, body } = await callJson<DataBody<Ticket>>('/tickets/701581519/data', {
			method: 'PUT',
			body: {
				custom_fields: [
					{ name: 'RMA number', value: 'RMA-5521' },
					{ name: 'Refund amount', value: '54.99' },
				],
			},
		});
		expect(status).toBe(200);
		expect(body.data.custom_fields).toEqual([
			{ id: 71001, name: 'RMA number', value: 'RMA-5521' },
			{ id: 71003, name: 'Refund amount', value: '54.99' },
		]);
	});

	it('rejects unknown fields (4002), mistyped values (4018) and a missing list (4001)', async () => {
		const bad = await callJson('/tickets/701581519/data', {
			method: 'PUT',
			body: {
				custom_fields: [
					{ name: 'Nope', value: 'x' },
					{ name: 'Refund amount', value: 'lots' },
				],
			},
		});
		expect(bad.body).toEqual(
			validationBody({ 'custom_fields.0.name': '4002', 'custom_fields.1.value': '4018' }),
		);
		const missing = await callJson('/tickets/701581519/data', { method: 'PUT', body: {} });
		expect(missing.body).toEqual(validationBody({ custom_fields: '4001' }));
	});
});

describe('DELETE /tickets/{id}', () => {
	it('archives the ticket instead of removing it', async () => {
		const { body } = await callJson('/tickets/701581602', { method: 'DELETE' });
		expect(body).toEqual({ ok: true, message: 'Ticket deleted' });
		const after = await callJson<DataBody<Ticket>>('/tickets/701581602');
		expect(after.status).toBe(200);
		expect(after.body.data.status).toBe('Archived');
	});
});
