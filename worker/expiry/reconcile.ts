/** Cron backstop: gives every expiring record an alarm and deletes records already past expiry. Uses KV only through the token store. */
import { createTokenStore } from '../auth/token-store';
import { accountDirectory } from '../directory/directory';
import { isExpired } from './is-expired';
import { cancelExpiry, ensureExpiryScheduled } from './schedule';

/** How many records are read and handled at once. */
const RECONCILE_BATCH_SIZE = 20;

/** What one reconcile pass did. */
export interface ReconcileSummary {
	scanned: number;
	scheduled: number;
	deleted: number;
}

/** Lists every token record; schedules alarms for unscheduled expiries and deletes expired records. */
export async function reconcileExpiry(
	env: Pick<Env, 'TOKENS' | 'TOKEN_EXPIRY' | 'ACCOUNT_DIRECTORY'>,
	now: number = Date.now(),
): Promise<ReconcileSummary> {
	const store = createTokenStore(env.TOKENS);
	const hashes = await store.listTokenHashes();
	const summary: ReconcileSummary = { scanned: 0, scheduled: 0, deleted: 0 };
	for (let i = 0; i < hashes.length; i += RECONCILE_BATCH_SIZE) {
		const batch = hashes.slice(i, i + RECONCILE_BATCH_SIZE);
		await Promise.all(
			batch.map(async (hash) => {
				const record = await store.getServerByTokenHash(hash);
				if (!record) return;
				summary.scanned++;
				if (isExpired(record, now) && record.expires_at !== null) {
					const directory = accountDirectory(env, record.account_id);
					await directory.expireServer(record.account_id, record.id, record.expires_at, now);
					await cancelExpiry(env, record.token_hash);
					summary.deleted++;
				} else if (record.expires_at !== null && !record.expiry_scheduled) {
					await ensureExpiryScheduled(env, record);
					summary.scheduled++;
				}
			}),
		);
	}
	if (summary.scheduled > 0 || summary.deleted > 0) {
		console.log(JSON.stringify({ msg: 'expiry reconcile', ...summary }));
	}
	return summary;
}
