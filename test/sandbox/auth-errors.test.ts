/** Tokens and error envelopes: 403 bad token, read-only writes, 404s, bad JSON (edesk-api.md §5). */
import { beforeEach, describe, expect, it } from 'vitest';
import { callJson, READ_ONLY_TOKEN, resetSandbox, type DataBody } from './helpers';

beforeEach(resetSandbox);

const INVALID_TOKEN = {
	error: {
		httpCode: 403,
		message: 'You are not authorized to access this',
		details: 'Invalid token.',
	},
};

describe('authentication', () => {
	it('returns 403 "Invalid token." when the Authorization header is missing', async () => {
		const { status, body } = await callJson('/tickets', { token: null });
		expect(status).toBe(403);
		expect(body).toEqual(INVALID_TOKEN);
	});

	it('returns 403 "Invalid token." for an unknown token', async () => {
		const { status, body } = await callJson('/whoami', { token: 'nope' });
		expect(status).toBe(403);
		expect(body).toEqual(INVALID_TOKEN);
	});

	it('rejects a raw token without the Bearer scheme', async () => {
		const { status } = await callJson('/whoami', {
			token: null,
			headers: { Authorization: 'sandbox-full-access' },
		});
		expect(status).toBe(403);
	});

	it('lets the read-only token read', async () => {
		const { status, body } = await callJson<DataBody<{ user: { id: number } }>>('/whoami', {
			token: READ_ONLY_TOKEN,
		});
		expect(status).toBe(200);
		expect(body.data.user.id).toBe(118207);
	});

	it('returns 403 "User can not access an object" for a read-only write and changes nothing', async () => {
		const { status, body } = await callJson('/tickets/701581498', {
			method: 'PUT',
			token: READ_ONLY_TOKEN,
			body: { status: 'Closed' },
		});
		expect(status).toBe(403);
		expect(body).toEqual({
			error: {
				httpCode: 403,
				message: 'You are not authorized to access this',
				details: 'User can not access an object',
			},
		});
		const after = await callJson<DataBody<{ status: string }>>('/tickets/701581498');
		expect(after.body.data.status).toBe('Open');
	});
});

describe('not found', () => {
	it('returns 404 with "Ticket not found" for a missing ticket', async () => {
		const { status, body } = await callJson('/tickets/999');
		expect(status).toBe(404);
		expect(body).toEqual({
			error: { httpCode: 404, message: 'Not Found', details: 'Ticket not found' },
		});
	});

	it.each([
		['/messages/1', 'Message not found'],
		['/sales-orders/1', 'Sales order not found'],
		['/order-notes/1', 'Order note not found'],
		['/tags/1', 'Tag not found'],
		['/templates/1', 'Template not found'],
		['/sales-orders-tracking-links/1', 'Sales order not found'],
	])('returns 404 for GET %s', async (path, details) => {
		const { status, body } = await callJson(path);
		expect(status).toBe(404);
		expect(body).toMatchObject({ error: { httpCode: 404, details } });
	});

	it('has no list-messages route', async () => {
		expect((await callJson('/tickets/701581498/messages')).status).toBe(404);
		expect((await callJson('/messages')).status).toBe(404);
	});

	it('returns 404 for unknown routes and methods', async () => {
		expect((await callJson('/customers')).status).toBe(404);
		expect((await callJson('/tickets', { method: 'PATCH', body: {} })).status).toBe(404);
		expect((await callJson('/tag-groups/644646')).status).toBe(404);
	});
});

describe('request bodies', () => {
	it('returns 400 for unparsable JSON', async () => {
		const { status, body } = await callJson('/tags', {
			method: 'POST',
			body: '{"name":',
			headers: { 'Content-Type': 'application/json' },
		});
		expect(status).toBe(400);
		expect(body).toMatchObject({ error: { httpCode: 400 } });
	});

	it('returns 400 for a JSON body that is not an object', async () => {
		const { status } = await callJson('/tags', {
			method: 'POST',
			body: '[1,2]',
			headers: { 'Content-Type': 'application/json' },
		});
		expect(status).toBe(400);
	});
});
