/** The one check of "this token hash opens a server": found, filed under its own hash, not expired. */
import { timingSafeEqualHex } from '../auth/hash';
import type { McpServerRecord } from '../auth/records';
import type { TokenStore } from '../auth/token-store';
import { isExpired } from '../expiry/is-expired';

/**
 * The server stored under `tokenHash`, or null. The record must name the hash it was found under
 * (compared in constant time: a misfiled record never serves another token), and an expired server is
 * gone at once, even while KV still holds its record (fails closed).
 */
export async function findLiveServer(
	store: TokenStore,
	tokenHash: string,
	now: number = Date.now(),
): Promise<McpServerRecord | null> {
	const record = await store.getServerByTokenHash(tokenHash);
	if (!record || !timingSafeEqualHex(record.token_hash, tokenHash)) return null;
	return isExpired(record, now) ? null : record;
}
