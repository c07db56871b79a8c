/**
 * Regressions: a PATCH whose body was still arriving wrote
 * its old copy of a server back after a DELETE (the revoked URL worked again); a server created
 * while its account was being deleted was orphaned; an `expires_at` past 2038 gave a 500 and left an
 * orphan alarm. Interleavings are driven by a request body that arrives only when the test says so,
 * and by calling the account's directory object in each order.
 */
import {
	createExecutionContext,
	runInDurableObject,
	waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../worker/auth/hash';
import type { McpServerRecord } from '../../worker/auth/records';
import { createTokenStore } from '../../worker/auth/token-store';
import { accountDirectory } from '../../worker/directory/directory';
import worker from '../../worker/index';
import {
	ADMIN_ORIGIN,
	adminFetch,
	adminJson,
	inSeconds,
	mintApiToken,
	putTestAccount,
} from '../helpers/admin';
import { rpc } from '../helpers/mcp';

const store = createTokenStore(env.TOKENS);

/** A request body that yields its first 5 bytes when read, and the rest only after `release()`. */
function gatedBody(text: string): {
	body: ReadableStream<Uint8Array>;
	reading: Promise<void>;
	release: () => void;
} {
	const bytes = new TextEncoder().encode(text);
	let signalReading!: () => void;
	let release!: () => void;
	const reading = new Promise<void>((resolve) => (signalReading = resolve));
	const released = new Promise<void>((resolve) => (release = resolve));
	let pulls = 0;
	const body = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				pulls += 1;
				if (pulls === 1) {
					controller.enqueue(bytes.slice(0, 5));
					signalReading();
					return;
				}
				await released;
				controller.enqueue(bytes.slice(5));
				controller.close();
			},
		},
		{ highWaterMark: 0 },
	);
	return { body, reading, release };
}

/** Sends a management request whose JSON body arrives in two parts (see gatedBody). */
async function sendGated(
	method: string,
	path: string,
	json: unknown,
): Promise<{ done: Promise<Response>; reading: Promise<void>; release: () => void }> {
	const gate = gatedBody(JSON.stringify(json));
	const request = new Request(`${ADMIN_ORIGIN}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${await mintApiToken()}`,
			'content-type': 'application/json',
		},
		body: gate.body,
		duplex: 'half',
	} as RequestInit);
	const ctx = createExecutionContext();
	const done = worker
		.fetch(request as Request<unknown, IncomingRequestCfProperties>, env, ctx)
		.then(async (response) => {
			await waitOnExecutionContext(ctx);
			return response;
		});
	return { done, reading: gate.reading, release: gate.release };
}

async function createServer(
	accountId: string,
	expiresAt: string | null = null,
): Promise<{ id: string; token: string; url: string; hash: string }> {
	const { response, body } = await adminJson(`/integrated-account/${accountId}/mcp`, {
		method: 'POST',
		json: { name: 'race', expires_at: expiresAt },
	});
	expect(response.status).toBe(201);
	return { ...body, hash: await sha256Hex(body.token) };
}

describe('a PATCH in flight while the server is revoked (item 1)', () => {
	it('does not bring the server back: 404, and the URL, GET and list stay revoked', async () => {
		const accountId = await putTestAccount();
		const server = await createServer(accountId);
		const patch = await sendGated('PATCH', `/integrated-account/${accountId}/mcp/${server.id}`, {
			name: 'renamed while revoked',
		});
		await patch.reading;
		const revoked = await adminFetch(`/integrated-account/${accountId}/mcp/${server.id}`, {
			method: 'DELETE',
		});
		expect(revoked.status).toBe(200);
		patch.release();
		const response = await patch.done;
		expect(response.status).toBe(404);
		expect((await rpc(`http://127.0.0.1/mcp/${server.token}`, 'tools/list')).response.status).toBe(
			404,
		);
		expect((await adminFetch(`/integrated-account/${accountId}/mcp/${server.id}`)).status).toBe(
			404,
		);
		const list = await adminJson(`/integrated-account/${accountId}/mcp`);
		expect(list.body.data.map((s: { id: string }) => s.id)).not.toContain(server.id);
		expect(await store.getServerByTokenHash(server.hash)).toBeNull();
	});

	it('is refused by the directory when the revocation lands between its read and its write, in either order', async () => {
		const accountId = await putTestAccount();
		const server = await createServer(accountId);
		const current = (await store.getServer(accountId, server.id))!;
		const directory = accountDirectory(env, accountId);
		expect((await directory.deleteServer(accountId, server.id)).ok).toBe(true);
		expect(await directory.replaceServer(current, { ...current, name: 'late write' })).toEqual({
			ok: false,
			reason: 'server_gone',
		});
		expect(await store.getServerByTokenHash(server.hash)).toBeNull();
		expect(await store.listServerEntries(accountId)).toEqual([]);
	});

	it('applies two concurrent PATCHes of different fields, losing neither', async () => {
		const accountId = await putTestAccount();
		const server = await createServer(accountId);
		const path = `/integrated-account/${accountId}/mcp/${server.id}`;
		const [a, b] = await Promise.all([
			adminFetch(path, { method: 'PATCH', json: { name: 'both changes' } }),
			adminFetch(path, { method: 'PATCH', json: { config: { methods: ['read'] } } }),
		]);
		expect([a.status, b.status]).toEqual([200, 200]);
		expect(await store.getServer(accountId, server.id)).toMatchObject({
			name: 'both changes',
			config: { methods: ['read'] },
		});
	});

	it('lets only the first of two writes based on the same read through, and hands the second what KV holds now', async () => {
		const accountId = await putTestAccount();
		const server = await createServer(accountId);
		const current = (await store.getServer(accountId, server.id))!;
		const directory = accountDirectory(env, accountId);
		expect((await directory.replaceServer(current, { ...current, name: 'first' })).ok).toBe(true);
		const second = await directory.replaceServer(current, { ...current, name: 'second' });
		expect(second).toMatchObject({ ok: false, reason: 'conflict', current: { name: 'first' } });
		expect((await store.getServer(accountId, server.id))?.name).toBe('first');
	});
});

describe('a server created while its account is deleted (item 1)', () => {
	it('is refused with 404 and leaves no record behind when the deletion comes mid-body', async () => {
		const accountId = await putTestAccount();
		const create = await sendGated('POST', `/integrated-account/${accountId}/mcp`, {
			name: 'orphan?',
			expires_at: null,
		});
		await create.reading;
		const deleted = await adminFetch(`/integrated-account/${accountId}`, { method: 'DELETE' });
		expect(deleted.status).toBe(200);
		create.release();
		const response = await create.done;
		expect(response.status).toBe(404);
		expect(await store.listServerEntries(accountId)).toEqual([]);
	});

	it('is refused by the directory once the account is closed, even after the account check passed', async () => {
		const accountId = await putTestAccount();
		const directory = accountDirectory(env, accountId);
		expect(await directory.closeAccount(accountId)).toEqual({ ok: true, value: { revoked: 0 } });
		const record: McpServerRecord = {
			id: crypto.randomUUID(),
			account_id: accountId,
			name: 'late create',
			config: { methods: ['read'], tags: [], require_api_token_auth: false, tool_exposure: 'all' },
			token_hash: await sha256Hex(crypto.randomUUID()),
			expires_at: null,
			created_at: new Date().toISOString(),
		};
		expect(await directory.createServer(record)).toEqual({ ok: false, reason: 'account_gone' });
		expect(await store.getServerByTokenHash(record.token_hash)).toBeNull();
		expect(await store.listServerEntries(accountId)).toEqual([]);
	});

	it('is revoked by the account deletion when it was created just before', async () => {
		const accountId = await putTestAccount();
		const server = await createServer(accountId, inSeconds(86_400));
		const { body } = await adminJson(`/integrated-account/${accountId}`, { method: 'DELETE' });
		expect(body.revoked_mcp_servers).toBe(1);
		expect(await store.getServerByTokenHash(server.hash)).toBeNull();
		const alarm = await runInDurableObject(env.TOKEN_EXPIRY.getByName(server.hash), (_o, state) =>
			state.storage.getAlarm(),
		);
		expect(alarm).toBeNull();
	});
});

describe('expires_at bounds (item 5)', () => {
	it.each(['2038-01-19T03:14:08Z', '2189-01-01T00:00:00Z', '9999-12-31T23:59:59Z'])(
		'refuses %s with 400 at create and writes nothing',
		async (expiresAt) => {
			const accountId = await putTestAccount();
			const { response, body } = await adminJson(`/integrated-account/${accountId}/mcp`, {
				method: 'POST',
				json: { name: 'far', expires_at: expiresAt },
			});
			expect(response.status).toBe(400);
			expect(body.error).toEqual({
				code: 'invalid_request',
				message: expect.stringContaining('expires_at: must be at most 1826 days (5 years) ahead'),
			});
			expect(await store.listServerEntries(accountId)).toEqual([]);
		},
	);

	it('refuses a PATCH to year 9999 and leaves the stored expiry and its alarm as they were', async () => {
		const accountId = await putTestAccount();
		const expiresAt = inSeconds(86_400);
		const server = await createServer(accountId, expiresAt);
		const { response } = await adminJson(`/integrated-account/${accountId}/mcp/${server.id}`, {
			method: 'PATCH',
			json: { expires_at: '9999-12-31T23:59:59Z' },
		});
		expect(response.status).toBe(400);
		expect((await store.getServer(accountId, server.id))?.expires_at).toBe(expiresAt);
		const alarm = await runInDurableObject(env.TOKEN_EXPIRY.getByName(server.hash), (_o, state) =>
			state.storage.getAlarm(),
		);
		expect(alarm).toBe(Date.parse(expiresAt));
	});

	it('accepts the last day of the window', async () => {
		const accountId = await putTestAccount();
		const server = await createServer(accountId, inSeconds(1_825 * 86_400));
		expect((await store.getServer(accountId, server.id))?.expiry_scheduled).toBe(true);
	});

	it('writes KV before the alarm, so a create that storage refuses leaves no orphan alarm', async () => {
		const accountId = await putTestAccount();
		const record: McpServerRecord = {
			id: crypto.randomUUID(),
			account_id: accountId,
			name: 'storage refuses',
			config: { methods: ['read'], tags: [], require_api_token_auth: false, tool_exposure: 'all' },
			token_hash: await sha256Hex(crypto.randomUUID()),
			// Past the KV expiration range (2^31 - 1 s): the KV write fails ("Value out of range").
			expires_at: '2040-01-01T00:00:00.000Z',
			created_at: new Date().toISOString(),
		};
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		expect(await accountDirectory(env, accountId).createServer(record)).toEqual({
			ok: false,
			reason: 'failed',
		});
		errors.mockRestore();
		expect(await store.getServerByTokenHash(record.token_hash)).toBeNull();
		expect(await store.listServerEntries(accountId)).toEqual([]);
		const alarm = await runInDurableObject(
			env.TOKEN_EXPIRY.getByName(record.token_hash),
			(_o, state) => state.storage.getAlarm(),
		);
		expect(alarm).toBeNull();
	});
});
