/** /__sandbox hooks: rate limit (429 shape), config, fail-next, request log, reset. */
import { beforeEach, describe, expect, it } from 'vitest';
import { getRateLimitConfig, takeToken } from '../../scripts/edesk-sandbox/rate-limit';
import type { RequestLogEntry as LogEntry } from '../../scripts/edesk-sandbox/request-log';
import { call, callJson, READ_ONLY_TOKEN, resetSandbox, type ListBody } from './helpers';

beforeEach(resetSandbox);

const OUT_OF_QUOTA = {
	error: { httpCode: 429, message: 'Too many requests', details: 'Out of quota' },
};

async function configure(rateLimit: Record<string, unknown>): Promise<Response> {
	return call('/__sandbox/config', {
		method: 'POST',
		token: null,
		body: { rate_limit: rateLimit },
	});
}

async function sha256(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('rate limit', () => {
	it('defaults to the wrangler vars: burst 60, refill 2/s, enabled', async () => {
		const { body } = await callJson('/__sandbox/config', { token: null });
		expect(body).toEqual({ rate_limit: { enabled: true, burst: 60, refill_per_second: 2 } });
	});

	it('answers 429 with the exact eDesk body and Retry-After: 1 once the burst is spent', async () => {
		expect((await configure({ burst: 3, refill_per_second: 0 })).status).toBe(200);
		for (let i = 0; i < 3; i++) expect((await call('/channels')).status).toBe(200);
		const res = await call('/channels');
		expect(res.status).toBe(429);
		expect(res.headers.get('Retry-After')).toBe('1');
		expect(
			[...res.headers.keys()].filter((h) => h.toLowerCase().startsWith('x-ratelimit')),
		).toEqual([]);
		expect(await res.json()).toEqual(OUT_OF_QUOTA);
	});

	it('keeps one bucket per token', async () => {
		await configure({ burst: 1, refill_per_second: 0 });
		expect((await call('/channels')).status).toBe(200);
		expect((await call('/channels')).status).toBe(429);
		expect((await call('/channels', { token: READ_ONLY_TOKEN })).status).toBe(200);
	});

	it('can be disabled', async () => {
		await configure({ burst: 1, refill_per_second: 0, enabled: false });
		for (let i = 0; i < 5; i++) expect((await call('/channels')).status).toBe(200);
	});

	it('refills at refill_per_second (explicit clock)', () => {
		const config = { ...getRateLimitConfig({}), burst: 2, refillPerSecond: 2 };
		const key = `unit-${crypto.randomUUID()}`;
		expect(takeToken(key, config, 1_000)).toBe(true);
		expect(takeToken(key, config, 1_000)).toBe(true);
		expect(takeToken(key, config, 1_000)).toBe(false);
		expect(takeToken(key, config, 1_400)).toBe(false);
		expect(takeToken(key, config, 1_500)).toBe(true);
		expect(takeToken(key, config, 60_000)).toBe(true);
		expect(takeToken(key, config, 60_000)).toBe(true);
		expect(takeToken(key, config, 60_000)).toBe(false);
	});

	it('rejects a malformed config', async () => {
		expect((await configure({ burst: -1 })).status).toBe(400);
		expect(
			(await call('/__sandbox/config', { method: 'POST', token: null, body: {} })).status,
		).toBe(400);
	});
});

describe('fail-next', () => {
	it('forces the next response to 500 and then recovers', async () => {
		await call('/__sandbox/fail-next', { method: 'POST', token: null, body: { status: 500 } });
		const failed = await callJson('/whoami');
		expect(failed.status).toBe(500);
		expect(failed.body).toMatchObject({ error: { httpCode: 500 } });
		expect((await call('/whoami')).status).toBe(200);
	});

	it('forces N eDesk-shaped 429s', async () => {
		await call('/__sandbox/fail-next', {
			method: 'POST',
			token: null,
			body: { status: 429, count: 2 },
		});
		for (let i = 0; i < 2; i++) {
			const res = await call('/tickets');
			expect(res.status).toBe(429);
			expect(res.headers.get('Retry-After')).toBe('1');
			expect(await res.json()).toEqual(OUT_OF_QUOTA);
		}
		expect((await call('/tickets')).status).toBe(200);
	});

	it('uses a custom body when given', async () => {
		await call('/__sandbox/fail-next', {
			method: 'POST',
			token: null,
			body: { status: 503, body: { oops: true } },
		});
		const { status, body } = await callJson('/tickets');
		expect(status).toBe(503);
		expect(body).toEqual({ oops: true });
	});

	it('does not apply the write by default, but does with apply: true', async () => {
		const count = async (): Promise<number> =>
			(await callJson<ListBody>('/order-notes')).body.paginator.totalItemsCount;
		const note = { sales_order_id: 3777826195, text: 'x' };
		await call('/__sandbox/fail-next', { method: 'POST', token: null, body: { status: 502 } });
		expect((await call('/order-notes', { method: 'POST', body: note })).status).toBe(502);
		expect(await count()).toBe(6);
		await call('/__sandbox/fail-next', {
			method: 'POST',
			token: null,
			body: { status: 500, apply: true },
		});
		expect((await call('/order-notes', { method: 'POST', body: note })).status).toBe(500);
		expect(await count()).toBe(7);
	});

	it('can be cancelled', async () => {
		await call('/__sandbox/fail-next', {
			method: 'POST',
			token: null,
			body: { status: 500, count: 5 },
		});
		await call('/__sandbox/fail-next', { method: 'DELETE', token: null });
		expect((await call('/whoami')).status).toBe(200);
	});

	it('holds a response for delay_ms, and its body for body_delay_ms after the headers', async () => {
		await call('/__sandbox/fail-next', {
			method: 'POST',
			token: null,
			body: { status: 504, delay_ms: 300 },
		});
		let started = Date.now();
		const held = await call('/whoami');
		expect(held.status).toBe(504);
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);

		await call('/__sandbox/fail-next', {
			method: 'POST',
			token: null,
			body: { status: 503, body_delay_ms: 1_000 },
		});
		started = Date.now();
		const stalled = await call('/whoami');
		const headersAfterMs = Date.now() - started;
		expect(stalled.status).toBe(503);
		expect(await stalled.json()).toMatchObject({ error: { httpCode: 503 } });
		expect(headersAfterMs).toBeLessThan(1_000);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
		// The delayed requests are logged like any other.
		const log = await callJson<{ data: LogEntry[] }>('/__sandbox/requests?path=/v1/whoami', {
			token: null,
		});
		expect(log.body.data.map((e) => e.status)).toEqual([504, 503]);
	});

	it('delays the real answer when a rule has a delay and no status', async () => {
		await call('/__sandbox/fail-next', {
			method: 'POST',
			token: null,
			body: { body_delay_ms: 300 },
		});
		const started = Date.now();
		const { status, body } = await callJson<{ data: { user: { id: number } } }>('/whoami');
		expect(status).toBe(200);
		expect(body.data.user.id).toEqual(expect.any(Number));
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
		expect(
			(await call('/__sandbox/fail-next', { method: 'POST', token: null, body: {} })).status,
		).toBe(400);
		expect(
			(await call('/__sandbox/fail-next', { method: 'POST', token: null, body: { delay_ms: 0 } }))
				.status,
		).toBe(400);
	});

	it('rejects a delay that is not an integer from 0 to 60000 ms', async () => {
		for (const bad of [
			{ delay_ms: -1 },
			{ delay_ms: 1.5 },
			{ delay_ms: '10' },
			{ body_delay_ms: 60_001 },
		]) {
			const res = await callJson<{ error: { details: string } }>('/__sandbox/fail-next', {
				method: 'POST',
				token: null,
				body: { status: 500, ...bad },
			});
			expect(res.status).toBe(400);
			expect(res.body.error.details).toMatch(/^(body_)?delay_ms must be an integer 0-60000$/);
		}
		expect((await call('/whoami')).status).toBe(200);
	});

	it('rejects a non-error status', async () => {
		expect(
			(await call('/__sandbox/fail-next', { method: 'POST', token: null, body: { status: 200 } }))
				.status,
		).toBe(400);
	});
});

describe('request log', () => {
	it('records every API request with method, path, query, body hash, time and status', async () => {
		const payload = JSON.stringify({ ticket_id: 701581498, type: 'Note', body: 'hi' });
		await call('/tickets?filter_status_equals=Open&page=2');
		await call('/messages', {
			method: 'POST',
			body: payload,
			headers: { 'Content-Type': 'application/json' },
		});
		await call('/whoami', { token: 'bad' });
		const { body } = await callJson<{ data: LogEntry[] }>('/__sandbox/requests', { token: null });
		expect(body.data).toHaveLength(3);
		expect(body.data[0]).toMatchObject({
			seq: 1,
			method: 'GET',
			path: '/v1/tickets',
			query: { filter_status_equals: 'Open', page: '2' },
			body_sha256: null,
			status: 200,
		});
		expect(body.data[1]).toMatchObject({
			method: 'POST',
			path: '/v1/messages',
			query: {},
			body_sha256: await sha256(payload),
			status: 200,
		});
		expect(body.data[2]).toMatchObject({ path: '/v1/whoami', status: 403 });
		expect(new Date(body.data[0]?.at ?? '').getTime()).not.toBeNaN();
	});

	it('proves a write reached the sandbox exactly once', async () => {
		await call('/order-notes', {
			method: 'POST',
			body: { sales_order_id: 3777826195, text: 'once' },
		});
		await call('/order-notes/5345233');
		const { body } = await callJson<{ data: LogEntry[] }>(
			'/__sandbox/requests?method=POST&path=/v1/order-notes',
			{ token: null },
		);
		expect(body.data).toHaveLength(1);
	});

	it('is cleared by DELETE', async () => {
		await call('/whoami');
		expect((await call('/__sandbox/requests', { method: 'DELETE', token: null })).status).toBe(200);
		const { body } = await callJson<{ data: LogEntry[] }>('/__sandbox/requests', { token: null });
		expect(body.data).toEqual([]);
	});

	it('does not log control requests', async () => {
		await call('/__sandbox/config', { token: null });
		const { body } = await callJson<{ data: LogEntry[] }>('/__sandbox/requests', { token: null });
		expect(body.data).toEqual([]);
	});
});

describe('reset', () => {
	it('reseeds the data and restores the default config', async () => {
		await call('/tags', { method: 'POST', body: { name: 'Temp', tag_group_id: 644647 } });
		await configure({ burst: 1 });
		const { body } = await callJson('/__sandbox/reset', { method: 'POST', token: null });
		expect(body).toEqual({
			ok: true,
			rate_limit: { enabled: true, burst: 60, refill_per_second: 2 },
		});
		const tags = await callJson<ListBody<{ name: string }>>('/tags?itemsPerPage=100');
		expect(tags.body.data.map((t) => t.name)).not.toContain('Temp');
	});

	it('keeps the config override with keep_config', async () => {
		await configure({ enabled: false });
		const { body } = await callJson('/__sandbox/reset', {
			method: 'POST',
			token: null,
			body: { keep_config: true },
		});
		expect(body).toMatchObject({ rate_limit: { enabled: false } });
	});

	it('returns 404 for an unknown hook', async () => {
		expect((await call('/__sandbox/nope', { token: null })).status).toBe(404);
	});
});
