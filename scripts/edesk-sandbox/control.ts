/** Test/control hooks under /__sandbox/ (no auth; local use only): reset, rate-limit config,
 * fail-next, request log. See README.md. Never reachable under /v1. */
import { errorBody, json } from './envelopes';
import { clearFailures, MAX_DELAY_MS, pendingFailures, queueFailure } from './fail-next';
import {
	getRateLimitConfig,
	resetRateLimit,
	setRateLimitOverride,
	type RateLimitConfig,
} from './rate-limit';
import { clearRequests, listRequests } from './request-log';
import { resetState } from './store';
import type { JsonObject, SandboxEnv } from './types';
import { isObject } from './validate';

function badControl(details: string): Response {
	return json(errorBody(400, 'Bad Request', details), 400);
}

async function readObject(req: Request): Promise<JsonObject | undefined> {
	const text = await req.text();
	if (text.trim() === '') return {};
	try {
		const parsed: unknown = JSON.parse(text);
		return isObject(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

function toWireConfig(c: RateLimitConfig): JsonObject {
	return { enabled: c.enabled, burst: c.burst, refill_per_second: c.refillPerSecond };
}

function isNonNegative(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

async function configure(req: Request, env: SandboxEnv): Promise<Response> {
	const body = await readObject(req);
	const rl = body?.rate_limit;
	if (!isObject(rl))
		return badControl('Expected {"rate_limit":{enabled?,burst?,refill_per_second?}}');
	const patch: Partial<RateLimitConfig> = {};
	if (rl.enabled !== undefined) {
		if (typeof rl.enabled !== 'boolean') return badControl('rate_limit.enabled must be a boolean');
		patch.enabled = rl.enabled;
	}
	if (rl.burst !== undefined) {
		if (!isNonNegative(rl.burst)) return badControl('rate_limit.burst must be a number >= 0');
		patch.burst = rl.burst;
	}
	if (rl.refill_per_second !== undefined) {
		if (!isNonNegative(rl.refill_per_second))
			return badControl('rate_limit.refill_per_second must be a number >= 0');
		patch.refillPerSecond = rl.refill_per_second;
	}
	setRateLimitOverride(patch);
	return json({ ok: true, rate_limit: toWireConfig(getRateLimitConfig(env)) });
}

/** A rule's delay in ms: 0 when absent, null when not an integer 0–MAX_DELAY_MS. */
function delayOf(value: unknown): number | null {
	if (value === undefined) return 0;
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_DELAY_MS
		? value
		: null;
}

async function failNext(req: Request): Promise<Response> {
	const body = await readObject(req);
	const count = body?.count ?? 1;
	const delayMs = delayOf(body?.delay_ms);
	if (delayMs === null) return badControl(`delay_ms must be an integer 0-${MAX_DELAY_MS}`);
	const bodyDelayMs = delayOf(body?.body_delay_ms);
	if (bodyDelayMs === null) return badControl(`body_delay_ms must be an integer 0-${MAX_DELAY_MS}`);
	// A rule with a delay may leave out the status: the real response then comes, only late.
	const status = body?.status ?? (delayMs > 0 || bodyDelayMs > 0 ? undefined : null);
	if (
		status !== undefined &&
		(typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
	) {
		return badControl('status must be an integer 400-599 (it may be left out only with a delay)');
	}
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
		return badControl('count must be an integer >= 1');
	}
	queueFailure({
		status,
		remaining: count,
		body: body?.body,
		apply: body?.apply === true,
		delayMs,
		bodyDelayMs,
	});
	return json({ ok: true, pending: pendingFailures() });
}

async function reset(req: Request, env: SandboxEnv): Promise<Response> {
	const body = (await readObject(req)) ?? {};
	resetState();
	clearRequests();
	clearFailures();
	if (body.keep_config === true) setRateLimitOverride({});
	else resetRateLimit();
	return json({ ok: true, rate_limit: toWireConfig(getRateLimitConfig(env)) });
}

/** Serves /__sandbox/* requests. */
export async function handleControl(req: Request, env: SandboxEnv): Promise<Response> {
	const url = new URL(req.url);
	const key = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
	switch (key) {
		case 'POST /__sandbox/reset':
			return reset(req, env);
		case 'GET /__sandbox/config':
			return json({ rate_limit: toWireConfig(getRateLimitConfig(env)) });
		case 'POST /__sandbox/config':
			return configure(req, env);
		case 'POST /__sandbox/fail-next':
			return failNext(req);
		case 'DELETE /__sandbox/fail-next':
			clearFailures();
			return json({ ok: true, pending: 0 });
		case 'GET /__sandbox/requests': {
			const method = url.searchParams.get('method') ?? undefined;
			const path = url.searchParams.get('path') ?? undefined;
			return json({ data: listRequests({ method, path }) });
		}
		case 'DELETE /__sandbox/requests':
			clearRequests();
			return json({ ok: true });
		default:
			return json(errorBody(404, 'Not Found', `No sandbox hook "${key}"`), 404);
	}
}
