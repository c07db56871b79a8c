/** The /v1 request pipeline: log → fail-next → route → auth → rate limit → read-only check →
 * body parse → handler. Turns ApiError into its wire form; anything else is a generic 500. */
import { requirePrincipal, requireWriteAccess } from './auth';
import { ApiError, badRequest, internalError, notFound, tooManyRequests } from './envelopes';
import { takeFailure, toForcedResponse, withDelays } from './fail-next';
import { getRateLimitConfig, takeToken } from './rate-limit';
import { recordRequest, sha256Hex } from './request-log';
import { matchRoute } from './router';
import { getState } from './store';
import type { JsonObject, SandboxEnv } from './types';
import { isObject } from './validate';

interface ParsedBody {
	body: JsonObject;
	form: FormData | null;
}

async function parseBody(req: Request, raw: ArrayBuffer): Promise<ParsedBody> {
	const contentType = req.headers.get('Content-Type') ?? '';
	if (/^multipart\/form-data/i.test(contentType)) {
		try {
			const form = await new Response(raw, { headers: { 'Content-Type': contentType } }).formData();
			return { body: {}, form };
		} catch {
			throw badRequest('Malformed multipart body');
		}
	}
	const text = new TextDecoder().decode(raw);
	if (text.trim() === '') return { body: {}, form: null };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw badRequest('Invalid JSON in request body');
	}
	if (!isObject(parsed)) throw badRequest('Request body must be a JSON object');
	return { body: parsed, form: null };
}

async function dispatch(
	req: Request,
	env: SandboxEnv,
	raw: ArrayBuffer,
	nowMs: number,
): Promise<Response> {
	const url = new URL(req.url);
	const path = url.pathname.replace(/\/+$/, '');
	try {
		const match = matchRoute(req.method, path);
		if (!match) throw notFound(`No route found for "${req.method} ${path}"`);
		const state = getState();
		const principal = requirePrincipal(req, state);
		if (!takeToken(principal.token, getRateLimitConfig(env), nowMs)) throw tooManyRequests();
		requireWriteAccess(principal, req.method);
		const { body, form } =
			req.method === 'GET' ? { body: {}, form: null } : await parseBody(req, raw);
		const ctx = {
			state,
			id: match.id,
			query: url.searchParams,
			body,
			form,
			user: principal.user,
			nowMs,
		};
		return match.handler(ctx);
	} catch (e) {
		if (e instanceof ApiError) return e.toResponse();
		console.error({ msg: 'edesk-sandbox handler failed', path, error: String(e) });
		return internalError().toResponse();
	}
}

/** Serves one API request and records it in the request log. */
export async function handleApi(req: Request, env: SandboxEnv): Promise<Response> {
	const nowMs = Date.now();
	const url = new URL(req.url);
	const raw =
		req.method === 'GET' || req.method === 'HEAD' ? new ArrayBuffer(0) : await req.arrayBuffer();
	const forced = takeFailure();
	const status = forced?.status;
	let response: Response;
	if (forced && status !== undefined && !forced.apply) {
		response = toForcedResponse(forced, status);
	} else {
		response = await dispatch(req, env, raw, nowMs);
		if (forced && status !== undefined) response = toForcedResponse(forced, status);
	}
	recordRequest(
		{
			method: req.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			body_sha256: await sha256Hex(raw),
			status: response.status,
		},
		nowMs,
	);
	return forced ? withDelays(response, forced) : response;
}
