/** The HTTP headers of a passed-through eDesk 429, rendered from the figures the proxy returns. */
import type { RateLimitInfo } from '../proxy/rate-limit';

/** `Retry-After`, `ratelimit-*` and the IETF draft-10 `RateLimit-Policy` / `RateLimit` fields. */
export function toRateLimitHeaders(info: RateLimitInfo): Record<string, string> {
	return {
		'retry-after': String(info.retryAfterSeconds ?? info.resetSeconds),
		'ratelimit-limit': String(info.limit),
		'ratelimit-remaining': String(info.remaining),
		'ratelimit-reset': String(info.resetSeconds),
		'ratelimit-policy': `"edesk";q=${info.limit};w=${info.windowSeconds}`,
		ratelimit: `"edesk";r=${info.remaining};t=${info.resetSeconds}`,
	};
}
