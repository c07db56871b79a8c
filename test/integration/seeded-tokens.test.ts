/** Contractor tokens written straight into KV (scripts/seed-tokens.mjs): filters apply, expiry fails closed, alarms come later. */
import { env } from 'cloudflare:workers';
import {
	createExecutionContext,
	createScheduledController,
	runDurableObjectAlarm,
	runInDurableObject,
	waitOnExecutionContext,
} from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUrlToken, sha256Hex } from '../../worker/auth/hash';
import type { McpServerRecord, ServerConfig } from '../../worker/auth/records';
import { createTokenStore } from '../../worker/auth/token-store';
import { reconcileExpiry } from '../../worker/expiry/reconcile';
import { ensureExpiryScheduled } from '../../worker/expiry/schedule';
import worker from '../../worker/index';
import { adminJson, inSeconds, putTestAccount } from '../helpers/admin';
import { rpc } from '../helpers/mcp';
import { READ_ORDERS_TOOLS } from '../helpers/tool-sets';

const store = createTokenStore(env.TOKENS);
let accountId: string;
beforeAll(async () => {
	accountId = await putTestAccount('Contractors');
});

interface Seeded {
	token: string;
	url: string;
	record: McpServerRecord;
}

/** Writes a record the way seed-tokens.mjs does: hashed, seeded: true, no alarm yet. */
async function seed(expiresAt: string | null, config: Partial<ServerConfig> = {}): Promise<Seeded> {
	const token = createUrlToken();
	const record: McpServerRecord = {
		id: crypto.randomUUID(),
		account_id: accountId,
		name: 'contractor',
		config: {
			methods: ['read'],
			tags: [],
			require_api_token_auth: false,
			tool_exposure: 'all',
			...config,
		},
		token_hash: await sha256Hex(token),
		expires_at: expiresAt,
		created_at: new Date().toISOString(),
		seeded: true,
	};
	await store.putServer(record);
	return { token, url: `http://127.0.0.1/mcp/${token}`, record };
}

function alarmOf(hash: string): Promise<number | null> {
	return runInDurableObject(env.TOKEN_EXPIRY.getByName(hash), (_o, state) =>
		state.storage.getAlarm(),
	);
}

describe('seeded tokens', () => {
	it('get their alarm from the reconcile, which marks them scheduled', async () => {
		const { record } = await seed(inSeconds(86_400));
		expect(await alarmOf(record.token_hash)).toBeNull();
		const summary = await reconcileExpiry(env);
		expect(summary.scheduled).toBeGreaterThanOrEqual(1);
		expect(await alarmOf(record.token_hash)).toBe(Date.parse(record.expires_at!));
		expect(await store.getServerByTokenHash(record.token_hash)).toMatchObject({
			seeded: true,
			expiry_scheduled: true,
		});
		expect(await runDurableObjectAlarm(env.TOKEN_EXPIRY.getByName(record.token_hash))).toBe(true);
		expect(await store.getServerByTokenHash(record.token_hash)).toBeNull();
	});

	it('get their alarm on first use through ensureExpiryScheduled, once', async () => {
		const { record } = await seed(inSeconds(7200));
		await ensureExpiryScheduled(env, record);
		expect(await alarmOf(record.token_hash)).toBe(Date.parse(record.expires_at!));
		const updated = await store.getServerByTokenHash(record.token_hash);
		expect(updated?.expiry_scheduled).toBe(true);
		await ensureExpiryScheduled(env, updated!);
		expect(await store.getServerByTokenHash(record.token_hash)).toEqual(updated);
	});

	it('are not resurrected by ensureExpiryScheduled after revocation', async () => {
		const { record } = await seed(inSeconds(7200));
		await store.deleteServer(record);
		await ensureExpiryScheduled(env, record);
		expect(await store.getServerByTokenHash(record.token_hash)).toBeNull();
	});

	it('are deleted by the reconcile once expired (fail closed before that)', async () => {
		const { record, url } = await seed(new Date(Date.now() - 5000).toISOString());
		expect((await rpc(url, 'tools/list')).response.status).toBe(404);
		const summary = await reconcileExpiry(env);
		expect(summary.deleted).toBeGreaterThanOrEqual(1);
		expect(await store.getServerByTokenHash(record.token_hash)).toBeNull();
		expect(await store.listServerEntries(accountId)).not.toContainEqual(
			expect.objectContaining({ server_id: record.id }),
		);
	});

	it('without an expiry get no alarm and stay', async () => {
		const { record } = await seed(null);
		await reconcileExpiry(env);
		expect(await alarmOf(record.token_hash)).toBeNull();
		expect(await store.getServerByTokenHash(record.token_hash)).toEqual(record);
	});

	it('expose only the tools their filters select', async () => {
		const config = { methods: ['read'], tags: ['orders'] };
		const { url } = await seed(inSeconds(86_400), config);
		const { body } = await rpc(url, 'tools/list');
		const names = (body.result.tools as { name: string }[]).map((t) => t.name);
		expect(names).toEqual(READ_ORDERS_TOOLS);
	});

	it('show up in the management API as seeded, and can be revoked there', async () => {
		const { record } = await seed(inSeconds(86_400));
		const { body } = await adminJson(`/integrated-account/${accountId}/mcp/${record.id}`);
		expect(body).toMatchObject({ id: record.id, seeded: true, expires_at: record.expires_at });
		const deleted = await adminJson(`/integrated-account/${accountId}/mcp/${record.id}`, {
			method: 'DELETE',
		});
		expect(deleted.response.status).toBe(200);
		expect(await store.getServerByTokenHash(record.token_hash)).toBeNull();
	});

	it('are reconciled by the cron trigger', async () => {
		const { record } = await seed(inSeconds(86_400));
		const ctx = createExecutionContext();
		await worker.scheduled(createScheduledController({ cron: '*/10 * * * *' }), env, ctx);
		await waitOnExecutionContext(ctx);
		expect(await alarmOf(record.token_hash)).toBe(Date.parse(record.expires_at!));
	});
});
