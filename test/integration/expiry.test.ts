/** Expiry: one TokenExpiry Durable Object per MCP server evicts it at expires_at; PATCH moves, DELETE cancels. */
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../worker/auth/hash';
import { createTokenStore } from '../../worker/auth/token-store';
import { isExpired } from '../../worker/expiry/is-expired';
import type { ExpiryTarget, TokenExpiry } from '../../worker/expiry/token-expiry';
import { adminFetch, adminJson, inSeconds, putTestAccount } from '../helpers/admin';
import { rpc } from '../helpers/mcp';

const DAY_SECONDS = 86_400;
const store = createTokenStore(env.TOKENS);

let accountId: string;
beforeAll(async () => {
	accountId = await putTestAccount('Expiry');
});

interface Created {
	id: string;
	token: string;
	url: string;
	hash: string;
	expires_at: string | null;
}

async function createServer(expiresAt: string | null): Promise<Created> {
	const { response, body } = await adminJson(`/integrated-account/${accountId}/mcp`, {
		method: 'POST',
		json: { name: 'expiring', expires_at: expiresAt },
	});
	expect(response.status).toBe(201);
	return { ...body, hash: await sha256Hex(body.token) };
}

function expiryObject(hash: string): DurableObjectStub<TokenExpiry> {
	return env.TOKEN_EXPIRY.getByName(hash) as unknown as DurableObjectStub<TokenExpiry>;
}

async function alarmAndTarget(
	hash: string,
): Promise<{ alarm: number | null; target: ExpiryTarget | null }> {
	return runInDurableObject(expiryObject(hash), async (instance, state) => ({
		alarm: await state.storage.getAlarm(),
		target: await instance.target(),
	}));
}

describe('TokenExpiry alarm', () => {
	it('is scheduled at expires_at when a server is created', async () => {
		const server = await createServer(inSeconds(DAY_SECONDS));
		const { alarm, target } = await alarmAndTarget(server.hash);
		expect(alarm).toBe(Date.parse(server.expires_at ?? ''));
		expect(target).toEqual({
			token_hash: server.hash,
			account_id: accountId,
			server_id: server.id,
			expires_at: server.expires_at,
		});
		expect((await store.getServerByTokenHash(server.hash))?.expiry_scheduled).toBe(true);
	});

	it('deletes the record and its index when it runs, and a second run is a no-op', async () => {
		const server = await createServer(inSeconds(DAY_SECONDS));
		expect((await rpc(server.url, 'tools/list')).response.status).toBe(200);
		expect(await runDurableObjectAlarm(expiryObject(server.hash))).toBe(true);
		expect(await store.getServerByTokenHash(server.hash)).toBeNull();
		expect(await store.listServerEntries(accountId)).not.toContainEqual(
			expect.objectContaining({ server_id: server.id }),
		);
		expect((await rpc(server.url, 'tools/list')).response.status).toBe(404);
		expect((await adminFetch(`/integrated-account/${accountId}/mcp/${server.id}`)).status).toBe(
			404,
		);
		expect(await runDurableObjectAlarm(expiryObject(server.hash))).toBe(false);
		expect((await alarmAndTarget(server.hash)).target).toBeNull();
	});

	it('moves when PATCH changes expires_at', async () => {
		const server = await createServer(inSeconds(DAY_SECONDS));
		const later = inSeconds(3 * DAY_SECONDS);
		const { response, body } = await adminJson(
			`/integrated-account/${accountId}/mcp/${server.id}`,
			{
				method: 'PATCH',
				json: { expires_at: later },
			},
		);
		expect(response.status).toBe(200);
		expect(body.expires_at).toBe(later);
		const { alarm, target } = await alarmAndTarget(server.hash);
		expect(alarm).toBe(Date.parse(later));
		expect(target?.expires_at).toBe(later);
	});

	it('is cancelled when PATCH clears expires_at, and the server lives on', async () => {
		const server = await createServer(inSeconds(DAY_SECONDS));
		const { body } = await adminJson(`/integrated-account/${accountId}/mcp/${server.id}`, {
			method: 'PATCH',
			json: { expires_at: null },
		});
		expect(body.expires_at).toBeNull();
		expect(await runDurableObjectAlarm(expiryObject(server.hash))).toBe(false);
		const record = await store.getServerByTokenHash(server.hash);
		expect(record).toMatchObject({ expires_at: null });
		expect(record?.expiry_scheduled).toBeUndefined();
	});

	it('is scheduled when PATCH gives a non-expiring server an expiry', async () => {
		const server = await createServer(null);
		expect((await alarmAndTarget(server.hash)).alarm).toBeNull();
		const at = inSeconds(DAY_SECONDS);
		await adminJson(`/integrated-account/${accountId}/mcp/${server.id}`, {
			method: 'PATCH',
			json: { expires_at: at },
		});
		expect((await alarmAndTarget(server.hash)).alarm).toBe(Date.parse(at));
	});

	it('is cancelled when the server is deleted', async () => {
		const server = await createServer(inSeconds(DAY_SECONDS));
		expect(
			(await adminFetch(`/integrated-account/${accountId}/mcp/${server.id}`, { method: 'DELETE' }))
				.status,
		).toBe(200);
		expect(await runDurableObjectAlarm(expiryObject(server.hash))).toBe(false);
		expect((await alarmAndTarget(server.hash)).target).toBeNull();
	});

	it('reschedules instead of deleting when KV holds a later expiry than the alarm knew', async () => {
		const server = await createServer(inSeconds(DAY_SECONDS));
		const record = await store.getServerByTokenHash(server.hash);
		const later = inSeconds(5 * DAY_SECONDS);
		// As if a PATCH wrote KV but its schedule() call was lost.
		await store.putServer({ ...record!, expires_at: later });
		expect(await runDurableObjectAlarm(expiryObject(server.hash))).toBe(true);
		expect(await store.getServerByTokenHash(server.hash)).toMatchObject({ expires_at: later });
		expect((await alarmAndTarget(server.hash)).alarm).toBe(Date.parse(later));
	});

	it('leaves the record alone when KV says the expiry was cleared', async () => {
		const server = await createServer(inSeconds(DAY_SECONDS));
		const record = await store.getServerByTokenHash(server.hash);
		await store.putServer({ ...record!, expires_at: null });
		expect(await runDurableObjectAlarm(expiryObject(server.hash))).toBe(true);
		expect(await store.getServerByTokenHash(server.hash)).not.toBeNull();
		expect(await runDurableObjectAlarm(expiryObject(server.hash))).toBe(false);
	});

	it('runs cleanly when the record is already gone', async () => {
		const server = await createServer(inSeconds(DAY_SECONDS));
		await store.deleteServer({ account_id: accountId, id: server.id, token_hash: server.hash });
		expect(await runDurableObjectAlarm(expiryObject(server.hash))).toBe(true);
		expect((await alarmAndTarget(server.hash)).target).toBeNull();
	});
});

describe('expired but not yet evicted', () => {
	it('is treated as expired everywhere before any alarm or KV eviction', async () => {
		const server = await createServer(inSeconds(DAY_SECONDS));
		const record = await store.getServerByTokenHash(server.hash);
		const past = new Date(Date.now() - 1000).toISOString();
		// KV cannot expire it yet (under 60 s), and no alarm has run.
		await store.putServer({ ...record!, expires_at: past });
		const stored = await store.getServerByTokenHash(server.hash);
		expect(stored).not.toBeNull();
		expect(isExpired(stored!, Date.now())).toBe(true);
		expect((await rpc(server.url, 'tools/list')).response.status).toBe(404);
		expect((await adminFetch(`/integrated-account/${accountId}/mcp/${server.id}`)).status).toBe(
			404,
		);
		const { body } = await adminJson(`/integrated-account/${accountId}/mcp`);
		expect(body.data.map((s: { id: string }) => s.id)).not.toContain(server.id);
		expect(await runDurableObjectAlarm(expiryObject(server.hash))).toBe(true);
		expect(await store.getServerByTokenHash(server.hash)).toBeNull();
	});
});
