/** The only user of env.TOKEN_EXPIRY: sets, moves and cancels the expiry alarm of an MCP server. */
import type { McpServerRecord } from '../auth/records';
import { accountDirectory } from '../directory/directory';
import type { TokenExpiry } from './token-expiry';

type ExpiryEnv = Pick<Env, 'TOKEN_EXPIRY' | 'ACCOUNT_DIRECTORY'>;

function expiryStub(env: ExpiryEnv, tokenHash: string): DurableObjectStub<TokenExpiry> {
	// env.d.ts types the namespace loosely until typegen sees the class; the binding is TokenExpiry.
	return (env.TOKEN_EXPIRY as unknown as DurableObjectNamespace<TokenExpiry>).getByName(tokenHash);
}

/** Sets (or moves) the alarm to `record.expires_at`; cancels it when the record never expires. */
export async function scheduleExpiry(env: ExpiryEnv, record: McpServerRecord): Promise<void> {
	if (record.expires_at === null) {
		await cancelExpiry(env, record.token_hash);
		return;
	}
	await expiryStub(env, record.token_hash).schedule({
		token_hash: record.token_hash,
		account_id: record.account_id,
		server_id: record.id,
		expires_at: record.expires_at,
	});
}

/** Removes the alarm of the MCP server with this token hash (no-op when none is set). */
export async function cancelExpiry(env: ExpiryEnv, tokenHash: string): Promise<void> {
	await expiryStub(env, tokenHash).cancel();
}

/**
 * For records that reached KV without an alarm (seeded ones): schedules it, then has the account's
 * directory mark the record `expiry_scheduled: true`, unless KV changed meanwhile (revoked, or expiry edited).
 */
export async function ensureExpiryScheduled(
	env: ExpiryEnv,
	record: McpServerRecord,
): Promise<void> {
	if (record.expires_at === null || record.expiry_scheduled) return;
	await scheduleExpiry(env, record);
	await accountDirectory(env, record.account_id).markExpiryScheduled(
		record.account_id,
		record.id,
		record.expires_at,
	);
}
