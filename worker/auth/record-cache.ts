/** A small per-isolate memo of KV records, so the hot MCP path does not read KV on every request. */

/** How long an isolate trusts a record it read from KV. Writes through the token store update it at once. */
export const RECORD_CACHE_TTL_MS = 10_000;
/** Entries kept per cache; the oldest go first. */
export const RECORD_CACHE_MAX_ENTRIES = 1_000;

export interface RecordCache<T> {
	get(key: string, now: number): T | undefined;
	set(key: string, value: T, now: number): void;
	delete(key: string): void;
}

/** A bounded time-to-live map (insertion order doubles as age order). */
export function createRecordCache<T>(
	ttlMs = RECORD_CACHE_TTL_MS,
	maxEntries = RECORD_CACHE_MAX_ENTRIES,
): RecordCache<T> {
	const entries = new Map<string, { value: T; at: number }>();
	return {
		get(key, now) {
			const hit = entries.get(key);
			if (!hit) return undefined;
			if (now - hit.at >= ttlMs || now < hit.at) {
				entries.delete(key);
				return undefined;
			}
			return hit.value;
		},
		set(key, value, now) {
			entries.delete(key);
			entries.set(key, { value, at: now });
			if (entries.size > maxEntries) {
				const oldest = entries.keys().next().value;
				if (oldest !== undefined) entries.delete(oldest);
			}
		},
		delete(key) {
			entries.delete(key);
		},
	};
}
