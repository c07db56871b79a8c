/**
 * One activity record of a `tools/call`, built from what the call was and how it ended. Pure.
 *
 * Redaction rule: a record keeps the tool name, the outcome (and the error code and eDesk status of a
 * failure), the duration, how the caller signed in (URL or OAuth client), the ids among the arguments
 * (top-level arguments named `id` or ending in `_id` / `_ids`, and only integer values) and, for a
 * write, the size of its arguments in bytes. Never an argument's text (message bodies, notes, names,
 * emails), never a result, a token or a credential.
 */

/** How a call ended. */
export type ActivityOutcome = 'ok' | 'error' | 'refused';

/** How the caller reached the server. */
export interface ActivityCaller {
	via: 'url' | 'oauth';
	/** The OAuth client and grant, for an OAuth sign-in. */
	client_id?: string;
	grant_id?: string;
}

/** What the activity log keeps of one tools/call. */
export interface ActivityEntry {
	/** Unique per call: a record written twice is kept once. */
	id: string;
	/** Milliseconds since the epoch, when the call started. */
	at: number;
	tool: string;
	outcome: ActivityOutcome;
	/** The `error` code of an isError result (invalid_arguments, not_found, rate_limited, …). */
	error_code: string | null;
	/** The eDesk HTTP status of a failed call, when eDesk answered. */
	status: number | null;
	duration_ms: number;
	via: ActivityCaller['via'];
	client_id: string | null;
	grant_id: string | null;
	/** Record ids among the arguments, e.g. `{"ticket_id": 701581498}`. */
	record_ids: Record<string, number | number[]>;
	/** Bytes of the arguments of a write (create, update, delete); null for a read. */
	payload_bytes: number | null;
}

/** Where a page of the log stops: the time and sequence number of its last (oldest) record. */
export interface ActivityPosition {
	at: number;
	seq: number;
}

/** What one read of the log asks for: at most `limit` records older than `cursor`, none before `since` (ms). */
export interface ActivityListOptions {
	limit: number;
	cursor: ActivityPosition | null;
	since: number | null;
}

/** The text of an activity `next_cursor`: `<at>.<seq>`. */
export const ACTIVITY_CURSOR = /^\d{1,15}\.\d{1,15}$/;

/** The `next_cursor` of a page whose last record is at `position`. */
export function toActivityCursor(position: ActivityPosition): string {
	return `${position.at}.${position.seq}`;
}

/** The position of a cursor text that matches ACTIVITY_CURSOR. */
export function fromActivityCursor(text: string): ActivityPosition {
	const [at, seq] = text.split('.').map(Number) as [number, number];
	return { at, seq };
}

const ID_ARGUMENT = /^(id|.+_ids?)$/;
const MAX_IDS = 20;

/** The integer ids among the top-level arguments (the redaction rule above). */
export function toRecordIds(args: unknown): Record<string, number | number[]> {
	const ids: Record<string, number | number[]> = {};
	if (typeof args !== 'object' || args === null || Array.isArray(args)) return ids;
	let count = 0;
	for (const [name, value] of Object.entries(args)) {
		if (!ID_ARGUMENT.test(name) || count >= MAX_IDS) continue;
		if (Number.isSafeInteger(value)) {
			ids[name] = value as number;
			count++;
		} else if (
			Array.isArray(value) &&
			value.length > 0 &&
			value.every((v) => Number.isSafeInteger(v))
		) {
			ids[name] = (value as number[]).slice(0, MAX_IDS);
			count++;
		}
	}
	return ids;
}

/** The error code and eDesk status of an isError result's JSON text; nulls when it has none. */
export function toFailure(text: string | undefined): {
	error_code: string | null;
	status: number | null;
} {
	try {
		const payload = JSON.parse(text ?? '') as { error?: unknown; status?: unknown };
		return {
			error_code: typeof payload.error === 'string' ? payload.error.slice(0, 60) : null,
			status: Number.isInteger(payload.status) ? (payload.status as number) : null,
		};
	} catch {
		return { error_code: null, status: null };
	}
}

const encoder = new TextEncoder();

/** Bytes of `args` as JSON (the size of what a write sends on). */
export function toPayloadBytes(args: unknown): number {
	return encoder.encode(JSON.stringify(args ?? {})).byteLength;
}
