/**
 * Regression: list cursors were signed with sha256(URL token), which
 * anyone holding the URL can compute, and a cursor's filters were sent to eDesk unchecked
 * (`filter_status_equals=NotInEnum`, `itemsPerPage=100000`). Cursors are now signed with a key derived
 * from the CREDENTIAL_KEY secret, and what a cursor carries is checked like fresh arguments.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { deriveCursorKey } from '../../worker/auth/cursor-key';
import {
	callTool,
	createTestServer,
	resetSandbox,
	sandboxControl,
	type TestServer,
} from '../helpers/mcp';

let server: TestServer;

beforeEach(async () => {
	await resetSandbox();
	server = await createTestServer();
});

const encoder = new TextEncoder();

function base64Url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

/** A cursor in the wire format (base64url JSON payload, 16-byte HMAC-SHA-256 tag) signed with `key`. */
async function signCursor(state: unknown[], key: CryptoKey): Promise<string> {
	const payload = base64Url(encoder.encode(JSON.stringify(state)));
	const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(payload)));
	return `${payload}.${base64Url(mac.slice(0, 16))}`;
}

async function ticketListCalls(): Promise<number> {
	return (await sandboxControl('requests?method=GET&path=%2Fv1%2Ftickets')).data.length;
}

describe('list cursors', () => {
	it('refuses a cursor signed with the hash of the URL token (what any URL holder can compute)', async () => {
		const urlHolderKey = await crypto.subtle.importKey(
			'raw',
			encoder.encode(server.tokenHash),
			{ name: 'HMAC', hash: 'SHA-256' },
			false,
			['sign'],
		);
		const forged = await signCursor(['list_all_e_desk_tickets', {}, 2, 10, 0], urlHolderKey);
		const res = await callTool(server.url, 'list_all_e_desk_tickets', { next_cursor: forged });
		expect(res.isError).toBe(true);
		expect(res.data.error).toBe('invalid_cursor');
		expect(await ticketListCalls()).toBe(0);
	});

	it.each([
		['a status outside the enum', { filter_status_equals: 'NotInEnum' }, 10, 0],
		['a contact id that is not an integer', { filter_contact_id_equals: 'not-an-integer' }, 10, 0],
		['an undeclared filter', { itemsPerPage: 100000 }, 10, 0],
		['a page size eDesk does not honour', {}, 100000, 0],
		['a skip beyond its page', {}, 10, 10],
	])(
		'refuses a validly signed cursor carrying %s, without calling eDesk',
		async (_why, filters, perPage, skip) => {
			// Even a cursor signed with the real key (a leaked one, say) is checked like fresh arguments.
			const key = await deriveCursorKey(env.CREDENTIAL_KEY, server.tokenHash);
			const cursor = await signCursor(['list_all_e_desk_tickets', filters, 1, perPage, skip], key);
			const res = await callTool(server.url, 'list_all_e_desk_tickets', { next_cursor: cursor });
			expect(res.isError).toBe(true);
			expect(res.data.error).toBe('invalid_cursor');
			expect(await ticketListCalls()).toBe(0);
		},
	);

	it('still follows a cursor it issued, with its filters', async () => {
		const first = await callTool(server.url, 'list_all_e_desk_tickets', {
			limit: 2,
			filter_status_equals: 'Open',
		});
		expect(first.data.next_cursor).toEqual(expect.any(String));
		const second = await callTool(server.url, 'list_all_e_desk_tickets', {
			next_cursor: first.data.next_cursor,
		});
		expect(second.isError).toBe(false);
		for (const ticket of second.data.items) expect(ticket.status).toBe('Open');
	});
});
