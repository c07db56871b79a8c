/** eDesk timestamps: `"YYYY-MM-DD HH:MM:SS"` in UTC (edesk-api.md §1, §8.6). Pure. */

const DATE_ONLY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Formats epoch milliseconds as `YYYY-MM-DD HH:MM:SS` UTC. */
export function toTimestamp(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Epoch milliseconds of a `YYYY-MM-DD HH:MM:SS` UTC string. */
export function toEpochMs(timestamp: string): number {
	return Date.parse(`${timestamp.replace(' ', 'T')}Z`);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isDateOnly(value: string): boolean {
	if (!DATE_ONLY_RE.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
