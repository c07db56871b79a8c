/** The one expiry rule: a record is gone from the moment `expires_at` is reached, evicted or not. Pure. */
import type { McpServerRecord } from '../auth/records';

/** True when the record has an `expires_at` at or before `now` (ms since the epoch). Unparseable dates fail closed. */
export function isExpired(
	record: Pick<McpServerRecord, 'expires_at'>,
	now: number = Date.now(),
): boolean {
	if (record.expires_at === null) return false;
	const at = Date.parse(record.expires_at);
	return !Number.isFinite(at) || at <= now;
}
