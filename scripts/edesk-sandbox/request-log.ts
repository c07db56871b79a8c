/** The log of every /v1 request the sandbox received, so tests can prove what reached "eDesk"
 * (e.g. that a write was not sent twice). Owns the log; keeps the newest MAX_LOG_ENTRIES. */

/** One received API request. */
export interface RequestLogEntry {
	seq: number;
	method: string;
	path: string;
	query: Record<string, string>;
	body_sha256: string | null;
	at: string;
	status: number;
}

const MAX_LOG_ENTRIES = 10_000;

let entries: RequestLogEntry[] = [];
let seq = 0;

/** Appends an entry (seq and at are assigned here). */
export function recordRequest(entry: Omit<RequestLogEntry, 'seq' | 'at'>, nowMs: number): void {
	seq += 1;
	entries.push({ seq, ...entry, at: new Date(nowMs).toISOString() });
	if (entries.length > MAX_LOG_ENTRIES) entries = entries.slice(-MAX_LOG_ENTRIES);
}

/** The entries, oldest first, optionally filtered by method and path prefix. */
export function listRequests(filter: { method?: string; path?: string } = {}): RequestLogEntry[] {
	return entries.filter(
		(e) =>
			(filter.method === undefined || e.method === filter.method.toUpperCase()) &&
			(filter.path === undefined || e.path.startsWith(filter.path)),
	);
}

/** Empties the log (seq restarts at 1). */
export function clearRequests(): void {
	entries = [];
	seq = 0;
}

/** Lowercase hex SHA-256 of a body, or null when it is empty. */
export async function sha256Hex(body: ArrayBuffer): Promise<string | null> {
	if (body.byteLength === 0) return null;
	const digest = await crypto.subtle.digest('SHA-256', body);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
