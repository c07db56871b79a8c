/** Message operations: get, create (updates the ticket), update (Notes only), delete. */
import { beforeEach, describe, expect, it } from 'vitest';
import { callJson, resetSandbox, TIMESTAMP_RE, validationBody, type DataBody } from './helpers';

beforeEach(resetSandbox);

interface Message {
	id: number;
	type: string;
	direction: string;
	body: string;
	ticket_id: number;
	created_at: string;
	from_user: { id: number } | null;
	from_consumer_id: number | null;
}
interface Ticket {
	messages_ids: number[];
	last_updated_at: string | null;
	replies: number;
	status: string;
}

const ticket = async (id: number): Promise<Ticket> =>
	(await callJson<DataBody<Ticket>>(`/tickets/${String(id)}`)).body.data;

describe('GET /messages/{id}', () => {
	it('returns a customer message with direction and body', async () => {
		const { messages_ids } = await ticket(701581498);
		const { body } = await callJson<DataBody<Message>>(`/messages/${String(messages_ids[0])}`);
		expect(body.data).toMatchObject({
			type: 'Message',
			direction: 'Incoming',
			ticket_id: 701581498,
			from_consumer_id: 3478494326,
			from_user: null,
		});
		expect(body.data.body).toContain('November 19');
	});
});

describe('POST /messages', () => {
	it('appends an outgoing reply to messages_ids, moves last_updated_at and counts it in replies', async () => {
		const before = await ticket(701581498);
		const { status, body } = await callJson<DataBody<Message>>('/messages', {
			method: 'POST',
			body: {
				ticket_id: 701581498,
				type: 'Message',
				direction: 'Outgoing',
				body: '<p>On its way</p>',
				send: true,
			},
		});
		expect(status).toBe(200);
		expect(body.data).toMatchObject({
			type: 'Message',
			direction: 'Outgoing',
			body: '<p>On its way</p>',
			from_user: { id: 118201 },
		});
		expect(body.data.created_at).toMatch(TIMESTAMP_RE);
		const after = await ticket(701581498);
		expect(after.messages_ids).toEqual([...before.messages_ids, body.data.id]);
		expect(after.last_updated_at).toBe(body.data.created_at);
		expect(after.replies).toBe(before.replies + 1);
	});

	it('adds an internal note without counting it as a reply', async () => {
		const { body } = await callJson<DataBody<Message>>('/messages', {
			method: 'POST',
			body: { ticket_id: 701581498, type: 'Note', body: 'Called UPS' },
		});
		expect(body.data.type).toBe('Note');
		const after = await ticket(701581498);
		expect(after.messages_ids.at(-1)).toBe(body.data.id);
		expect(after.replies).toBe(0);
	});

	it('inserts a backdated message in chronological position', async () => {
		const { body } = await callJson<DataBody<Message>>('/messages', {
			method: 'POST',
			body: {
				ticket_id: 701581498,
				type: 'Note',
				body: 'late entry',
				created_at: '2026-11-20 17:00:00',
			},
		});
		const after = await ticket(701581498);
		expect(after.messages_ids.indexOf(body.data.id)).toBe(2);
		expect(after.last_updated_at).toBe('2026-11-23 08:47:30');
	});

	it('validates required fields, enums and the ticket reference', async () => {
		const missing = await callJson('/messages', { method: 'POST', body: {} });
		expect(missing.status).toBe(400);
		expect(missing.body).toEqual(validationBody({ ticket_id: '4001', body: '4001', type: '4001' }));
		const bad = await callJson('/messages', {
			method: 'POST',
			body: {
				ticket_id: 1,
				body: 'x',
				type: 'AutoReply',
				direction: 'Other',
				attachments: [{ name: 'a.pdf' }],
			},
		});
		expect(bad.body).toEqual(
			validationBody({
				ticket_id: '4002',
				type: '4007',
				direction: '4007',
				'attachments.0': '4019',
			}),
		);
	});

	it('stores URL attachments', async () => {
		const { body } = await callJson<
			DataBody<{ attachments: { id: number; name: string; mime: string }[] }>
		>('/messages', {
			method: 'POST',
			body: {
				ticket_id: 701581519,
				type: 'Message',
				body: 'label',
				attachments: [{ name: 'label.pdf', url: 'https://files.example.com/label.pdf' }],
			},
		});
		expect(body.data.attachments).toEqual([
			expect.objectContaining({ name: 'label.pdf', mime: 'application/pdf' }),
		]);
	});
});

describe('PUT /messages/{id}', () => {
	it('edits a note', async () => {
		const { messages_ids } = await ticket(701581498);
		const noteId = messages_ids[2];
		const { status, body } = await callJson<DataBody<Message>>(`/messages/${String(noteId)}`, {
			method: 'PUT',
			body: { body: 'UPS confirmed weather delay', type: 'Note' },
		});
		expect(status).toBe(200);
		expect(body.data).toMatchObject({
			id: noteId,
			type: 'Note',
			body: 'UPS confirmed weather delay',
		});
	});

	it('refuses to edit a customer message (Note only, 4007)', async () => {
		const { messages_ids } = await ticket(701581498);
		const { status, body } = await callJson(`/messages/${String(messages_ids[0])}`, {
			method: 'PUT',
			body: { body: 'x' },
		});
		expect(status).toBe(400);
		expect(body).toEqual(validationBody({ type: '4007' }));
	});
});

describe('DELETE /messages/{id}', () => {
	it('removes the message and its id from the ticket', async () => {
		const { messages_ids } = await ticket(701581498);
		const target = messages_ids[2];
		const { body } = await callJson(`/messages/${String(target)}`, { method: 'DELETE' });
		expect(body).toEqual({ ok: true, message: 'Message deleted' });
		expect((await ticket(701581498)).messages_ids).not.toContain(target);
		expect((await callJson(`/messages/${String(target)}`)).status).toBe(404);
	});
});
