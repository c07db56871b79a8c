/** Rate-limit figures: eDesk's documented bucket, Retry-After, and normalization of upstream headers. */
import { describe, expect, it } from 'vitest';
import { toRateLimitHeaders } from '../../../worker/mcp/rate-limit-headers';
import { toRateLimitInfo } from '../../../worker/proxy/rate-limit';
import { parseRetryAfter, toUpstreamError } from '../../../worker/proxy/edesk-errors';

describe('toRateLimitInfo', () => {
	it('uses the documented bucket when eDesk sends no figures', () => {
		expect(toRateLimitHeaders(toRateLimitInfo(new Headers(), 1))).toEqual({
			'retry-after': '1',
			'ratelimit-limit': '60',
			'ratelimit-remaining': '0',
			'ratelimit-reset': '1',
			'ratelimit-policy': '"edesk";q=60;w=30',
			ratelimit: '"edesk";r=0;t=1',
		});
	});

	it('normalizes X-RateLimit-* headers', () => {
		const info = toRateLimitInfo(
			new Headers({
				'X-RateLimit-Limit': '120',
				'X-RateLimit-Remaining': '3',
				'X-RateLimit-Reset': '7',
			}),
			undefined,
		);
		expect(info).toMatchObject({ limit: 120, remaining: 3, resetSeconds: 7, retryAfterSeconds: 7 });
	});

	it('turns an epoch reset into seconds from now', () => {
		const at = Math.floor(Date.now() / 1000) + 12;
		const info = toRateLimitInfo(new Headers({ 'ratelimit-reset': String(at) }), undefined);
		expect(info.resetSeconds).toBeGreaterThanOrEqual(11);
		expect(info.resetSeconds).toBeLessThanOrEqual(12);
	});
});

describe('eDesk error parsing', () => {
	it('reads Retry-After in seconds and as an HTTP date', () => {
		expect(parseRetryAfter('5')).toBe(5);
		expect(parseRetryAfter(new Date(Date.now() + 3000).toUTCString())).toBeGreaterThanOrEqual(2);
		expect(parseRetryAfter('soon')).toBeUndefined();
	});

	it('maps the exact eDesk 429 body', () => {
		const e = toUpstreamError(
			429,
			'{"error":{"httpCode":429,"message":"Too many requests","details":"Out of quota"}}',
			null,
		);
		expect(e).toEqual({
			kind: 'rate_limited',
			retryAfterSeconds: 1,
			message: 'Too many requests (Out of quota)',
		});
	});

	it('maps validation details with string error codes', () => {
		const e = toUpstreamError(
			400,
			'{"error":{"httpCode":400,"message":"Validation failed","details":{"status":{"errorCode":"4007"},"order_items.0.sku":{"errorCode":"4001"}}}}',
			null,
		);
		expect(e).toMatchObject({
			kind: 'http',
			status: 400,
			fields: [
				{ field: 'status', errorCode: '4007' },
				{ field: 'order_items.0.sku', errorCode: '4001' },
			],
		});
	});

	it('survives a non-JSON body', () => {
		expect(toUpstreamError(502, '<html>', null)).toMatchObject({
			kind: 'http',
			status: 502,
			message: 'eDesk server error',
		});
	});
});
