/** Rate-limit figures for a passed-through eDesk 429 (data; mcp/ renders them as headers). Never throttles or retries. */

/** eDesk's documented bucket: burst 60, refilling 2 requests per second (edesk-api.md §4). */
export const EDESK_BUCKET = { limit: 60, refillPerSecond: 2 } as const;
/** Seconds for an empty bucket to refill completely. */
export const EDESK_WINDOW_SECONDS = EDESK_BUCKET.limit / EDESK_BUCKET.refillPerSecond;

export interface RateLimitInfo {
	limit: number;
	remaining: number;
	resetSeconds: number;
	windowSeconds: number;
	retryAfterSeconds: number | undefined;
}

/** Figures from whatever eDesk sent (standard or X- headers) completed by its documented bucket. */
export function toRateLimitInfo(
	upstream: Headers | undefined,
	retryAfterSeconds: number | undefined,
): RateLimitInfo {
	const num = (...names: string[]): number | undefined => {
		for (const n of names) {
			const v = upstream?.get(n);
			if (v !== null && v !== undefined && /^\d+$/.test(v.trim())) return Number(v.trim());
		}
		return undefined;
	};
	const limit =
		num('ratelimit-limit', 'x-ratelimit-limit', 'x-rate-limit-limit') ?? EDESK_BUCKET.limit;
	const remaining =
		num('ratelimit-remaining', 'x-ratelimit-remaining', 'x-rate-limit-remaining') ?? 0;
	let reset = num('ratelimit-reset', 'x-ratelimit-reset', 'x-rate-limit-reset');
	// Some APIs send an epoch timestamp in *-reset; convert it to delta seconds.
	if (reset !== undefined && reset > 1_000_000_000)
		reset = Math.max(0, reset - Math.floor(Date.now() / 1000));
	const resetSeconds = reset ?? retryAfterSeconds ?? 1;
	return {
		limit,
		remaining,
		resetSeconds,
		windowSeconds: EDESK_WINDOW_SECONDS,
		retryAfterSeconds: retryAfterSeconds ?? resetSeconds,
	};
}
