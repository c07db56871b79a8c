/** Token-bucket rate limiting per API token (burst 60, refill 2/s by default; edesk-api.md §4).
 * Owns the buckets and the runtime config override; time enters as `nowMs`. */
import type { SandboxEnv } from './types';

/** Effective limiter settings. */
export interface RateLimitConfig {
	enabled: boolean;
	burst: number;
	refillPerSecond: number;
}

interface Bucket {
	tokens: number;
	updatedMs: number;
}

const DEFAULT_BURST = 60;
const DEFAULT_REFILL_PER_SECOND = 2;

const buckets = new Map<string, Bucket>();
let override: Partial<RateLimitConfig> = {};

function toNonNegative(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The config from wrangler vars, then the /__sandbox/config override. */
export function getRateLimitConfig(env: SandboxEnv): RateLimitConfig {
	return {
		enabled: override.enabled ?? env.RATE_LIMIT_ENABLED !== 'false',
		burst: override.burst ?? toNonNegative(env.RATE_LIMIT_BURST, DEFAULT_BURST),
		refillPerSecond:
			override.refillPerSecond ??
			toNonNegative(env.RATE_LIMIT_REFILL_PER_SECOND, DEFAULT_REFILL_PER_SECOND),
	};
}

/** Merges a runtime override and empties the buckets so the new burst applies at once. */
export function setRateLimitOverride(patch: Partial<RateLimitConfig>): void {
	override = { ...override, ...patch };
	buckets.clear();
}

/** Drops the override and all buckets. */
export function resetRateLimit(): void {
	override = {};
	buckets.clear();
}

/** Takes one token from `key`'s bucket; false when the bucket is empty (→ 429). */
export function takeToken(key: string, config: RateLimitConfig, nowMs: number): boolean {
	if (!config.enabled) return true;
	const bucket = buckets.get(key) ?? { tokens: config.burst, updatedMs: nowMs };
	const elapsedSeconds = Math.max(0, nowMs - bucket.updatedMs) / 1000;
	bucket.tokens = Math.min(config.burst, bucket.tokens + elapsedSeconds * config.refillPerSecond);
	bucket.updatedMs = nowMs;
	buckets.set(key, bucket);
	if (bucket.tokens < 1) return false;
	bucket.tokens -= 1;
	return true;
}
