/** Order notes, including multipart attachments (edesk-api.md §2.4, ops 20–25). */
import { beforeEach, describe, expect, it } from 'vitest';
import {
	call,
	callJson,
	resetSandbox,
	validationBody,
	type DataBody,
	type ListBody,
} from './helpers';

beforeEach(resetSandbox);

interface Note {
	id: number;
	sales_order_id: number;
	text: string;
	user: { id: number; name: string };
	attachments: { id: number; name: string; link: string; mime: string; attachmentType: string }[];
	created_at: string;
}

describe('order notes CRUD', () => {
	it('lists notes by id with a paginator', async () => {
		const { body } = await callJson<ListBody<Note>>('/order-notes');
		expect(body.paginator.totalItemsCount).toBe(6);
		expect(body.data[0]).toMatchObject({ id: 5345201, user: { name: 'Sofia Alvarez' } });
	});

	it('creates, reads, updates and deletes a note', async () => {
		const created = await callJson<DataBody<Note>>('/order-notes', {
			method: 'POST',
			body: { sales_order_id: 3777826195, text: 'Customer asked for express replacement.' },
		});
		expect(created.status).toBe(200);
		expect(created.body.data).toMatchObject({
			sales_order_id: 3777826195,
			user: { id: 118201 },
			attachments: [],
		});
		const id = created.body.data.id;
		const order = await callJson<DataBody<{ order_notes_id: number[] }>>(
			'/sales-orders/3777826195',
		);
		expect(order.body.data.order_notes_id).toEqual([5345233, id]);
		const updated = await callJson<DataBody<Note>>(`/order-notes/${String(id)}`, {
			method: 'PUT',
			body: { text: 'Replacement sent' },
		});
		expect(updated.body.data.text).toBe('Replacement sent');
		expect((await callJson<DataBody<Note>>(`/order-notes/${String(id)}`)).body.data.text).toBe(
			'Replacement sent',
		);
		const deleted = await callJson(`/order-notes/${String(id)}`, { method: 'DELETE' });
		expect(deleted.body).toEqual({ ok: true, message: 'Order note deleted' });
		expect((await callJson(`/order-notes/${String(id)}`)).status).toBe(404);
	});

	it('validates create and update', async () => {
		const create = await callJson('/order-notes', { method: 'POST', body: { sales_order_id: 42 } });
		expect(create.body).toEqual(validationBody({ sales_order_id: '4002', text: '4001' }));
		const update = await callJson('/order-notes/5345233', { method: 'PUT', body: {} });
		expect(update.body).toEqual(validationBody({ text: '4001' }));
	});
});

describe('POST /order-notes/{id}/attachments', () => {
	it('stores multipart attachments[] with attachmentType', async () => {
		const form = new FormData();
		form.append(
			'attachments[]',
			new File(['%PDF-1.4'], 'invoice.pdf', { type: 'application/pdf' }),
		);
		form.append('attachmentType', 'Invoice');
		const { status, body } = await callJson<DataBody<Note>>('/order-notes/5345233/attachments', {
			method: 'POST',
			body: form,
		});
		expect(status).toBe(200);
		expect(body.data.attachments).toEqual([
			expect.objectContaining({
				name: 'invoice.pdf',
				mime: 'application/pdf',
				attachmentType: 'Invoice',
			}),
		]);
	});

	it('accepts the JSON files variant with 200 but stores nothing', async () => {
		const { status, body } = await callJson<DataBody<Note>>('/order-notes/5345233/attachments', {
			method: 'POST',
			body: {
				files: [
					{ name: 'a.pdf', type: 'application/pdf', base64: 'JVBERi0=', attachmentType: 'Other' },
				],
			},
		});
		expect(status).toBe(200);
		expect(body.data.attachments).toEqual([]);
	});

	it('rejects a bad attachmentType with 4007 and crashes (500) on an array-valued one', async () => {
		const bad = new FormData();
		bad.append('attachments[]', new File(['x'], 'x.txt'));
		bad.append('attachmentType', 'Receipt');
		expect(
			(await callJson('/order-notes/5345233/attachments', { method: 'POST', body: bad })).body,
		).toEqual(validationBody({ attachmentType: '4007' }));
		const arrayType = new FormData();
		arrayType.append('attachments[]', new File(['x'], 'x.txt'));
		arrayType.append('attachmentType[]', 'Other');
		const res = await call('/order-notes/5345233/attachments', { method: 'POST', body: arrayType });
		expect(res.status).toBe(500);
	});
});
