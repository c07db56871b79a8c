/**
 * Hostile-input sweeps: the Worker's fetch handler called in-process, the checks every answer must pass
 * (no 5xx, no internal detail, a well-formed JSON-RPC or JSON error body) and storage snapshots.
 *
 * The sweep calls the Worker's default export directly (`worker.fetch(request, env, ctx)` with a real
 * ExecutionContext) instead of `exports.default.fetch`: through vitest-pool-workers 0.23 every
 * `exports.default.fetch` call gets slower than the one before (about 10 ms at first, over 100 ms after
 * 400 calls), which would make a 10,000-request sweep take many minutes. The handler, env and bindings
 * are the same; a sample of the sweep still goes through `exports.default.fetch`.
 */
import { env, exports } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../worker/index';

/** One request as sent, and what came back. */
export interface Exchange {
	method: string;
	url: string;
	/** Every piece of input as text (URL, header values, body): echoed input is not a leak. */
	sent: string;
	status: number;
	headers: Headers;
	body: string;
	/** Set when the handler threw instead of answering (the runtime would answer 500). */
	threw?: string;
}

/** What to send: the body is text or raw bytes (for invalid UTF-8). */
export interface HostileRequest {
	method: string;
	url: string;
	headers?: Record<string, string>;
	body?: string | Uint8Array;
}

let sentCount = 0;

/** How many requests this module has sent so far. */
export function hostileRequestCount(): number {
	return sentCount;
}

const decoder = new TextDecoder();

/** Sends `req` to the Worker; `via: 'exports'` goes through `exports.default.fetch` instead of the handler. */
export async function send(
	req: HostileRequest,
	via: 'handler' | 'exports' = 'handler',
): Promise<Exchange> {
	sentCount += 1;
	const bodyText =
		req.body === undefined
			? ''
			: typeof req.body === 'string'
				? req.body
				: decoder.decode(req.body);
	const sent = [req.method, req.url, ...Object.entries(req.headers ?? {}).flat(), bodyText].join(
		'\n',
	);
	const noBody = ['GET', 'HEAD'].includes(req.method.toUpperCase());
	const request = new Request(req.url, {
		method: req.method,
		headers: req.headers,
		body: noBody ? undefined : req.body,
	});
	const base = { method: req.method, url: req.url, sent };
	try {
		let response: Response;
		if (via === 'exports') {
			response = await exports.default.fetch(request);
		} else {
			const ctx = createExecutionContext();
			response = await worker.fetch(request as Parameters<typeof worker.fetch>[0], env, ctx);
			await waitOnExecutionContext(ctx);
		}
		return {
			...base,
			status: response.status,
			headers: response.headers,
			body: await response.text(),
		};
	} catch (error) {
		const threw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		return { ...base, status: 500, headers: new Headers(), body: '', threw };
	}
}

/** Internal detail that must never reach a client: stack frames, error class names, source paths. */
const LEAK_PATTERNS: readonly RegExp[] = [
	/(?:\n|\\n)\s*at\s+[^\s"]+/g,
	/\b(?:[A-Z][a-z]+)+(?:Error|Exception)\b/g,
	/\bDOMException\b/g,
	/\bError:/g,
	/file:\/\/|\/work\/|node_modules|\.(?:ts|mjs|cjs|js):\d+/g,
	/\b(?:worker|scripts|test)\/[\w./-]+\.(?:ts|js|mjs)\b/g,
];

/** The internal detail in `body` that was not part of the request itself, or null. */
export function findLeak(body: string, sent: string): string | null {
	const echoes = [sent, JSON.stringify(sent)];
	for (const pattern of LEAK_PATTERNS) {
		for (const match of body.matchAll(pattern)) {
			if (!echoes.some((e) => e.includes(match[0]))) return match[0];
		}
	}
	return null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems of one JSON-RPC response object (empty when it is well-formed). */
export function rpcResponseProblems(v: unknown): string[] {
	if (!isRecord(v)) return ['not an object'];
	const problems: string[] = [];
	if (v.jsonrpc !== '2.0') problems.push('jsonrpc is not "2.0"');
	if (!('id' in v)) problems.push('no id');
	else if (v.id !== null && typeof v.id !== 'string' && typeof v.id !== 'number')
		problems.push('id is not a string, number or null');
	const hasResult = 'result' in v;
	const hasError = 'error' in v;
	if (hasResult === hasError) problems.push('not exactly one of result and error');
	if (hasResult && v.id === null) problems.push('result with id null');
	if (hasError) {
		const e = v.error;
		if (!isRecord(e) || !Number.isInteger(e.code) || typeof e.message !== 'string')
			problems.push('error lacks an integer code and a message');
	}
	return problems;
}

/** True for the management API / router error body `{"error":{"code","message"}}`. */
export function isHttpErrorBody(v: unknown): boolean {
	return (
		isRecord(v) &&
		isRecord(v.error) &&
		typeof v.error.code === 'string' &&
		typeof v.error.message === 'string'
	);
}

function parseJson(text: string): { ok: true; value: Json } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as Json };
	} catch {
		return { ok: false };
	}
}

/** The JSON-RPC messages of an SSE body (`data:` lines), or null when one is not JSON. */
export function sseMessages(body: string): unknown[] | null {
	const out: unknown[] = [];
	for (const line of body.split('\n')) {
		if (!line.startsWith('data:')) continue;
		const parsed = parseJson(line.slice(5).trim());
		if (!parsed.ok) return null;
		out.push(parsed.value);
	}
	return out;
}

function describe(x: Exchange, problem: string): string {
	const shown = x.url.length > 160 ? `${x.url.slice(0, 160)}…` : x.url;
	return `${problem}\n  request: ${x.method} ${shown}\n  response: ${x.status} ${x.headers.get('content-type') ?? ''} ${x.body.slice(0, 400)}${x.threw ? `\n  threw: ${x.threw}` : ''}`;
}

function commonProblems(x: Exchange): string | null {
	if (x.threw !== undefined) return 'the handler threw';
	if (x.status >= 500) return `HTTP ${x.status}`;
	const leak = findLeak(x.body, x.sent);
	if (leak !== null) return `internal detail in the body: ${JSON.stringify(leak)}`;
	return null;
}

/**
 * Checks one MCP endpoint answer; throws a readable Error when it breaks a rule. Returns the parsed
 * JSON-RPC messages (single response, batch or SSE events) for further checks.
 */
export function assertMcpAnswer(x: Exchange): unknown[] {
	const fail = (problem: string): never => {
		throw new Error(describe(x, problem));
	};
	const common = commonProblems(x);
	if (common) fail(common);
	if (x.status === 202 || x.status === 204) {
		if (x.body !== '') fail(`${x.status} with a body`);
		return [];
	}
	if (x.method.toUpperCase() === 'HEAD') return [];
	if (x.status !== 200 && (x.status < 400 || x.status >= 500))
		fail(`unexpected status ${x.status}`);
	const type = x.headers.get('content-type') ?? '';
	if (type.startsWith('text/event-stream')) {
		if (x.status !== 200) fail('an SSE body on an error status');
		const messages = sseMessages(x.body);
		if (!messages) return fail('an SSE data line is not JSON');
		const responses = messages.filter(
			(m) => !(isRecord(m) && typeof m.method === 'string' && !('id' in m)),
		);
		if (responses.length === 0) fail('an SSE stream without a response');
		for (const m of messages) {
			if (isRecord(m) && typeof m.method === 'string' && !('id' in m)) {
				if (m.jsonrpc !== '2.0') fail('a notification without jsonrpc 2.0');
				continue;
			}
			const problems = rpcResponseProblems(m);
			if (problems.length > 0) fail(`malformed JSON-RPC response in SSE: ${problems.join(', ')}`);
		}
		return responses;
	}
	if (!type.startsWith('application/json'))
		fail(`content-type ${JSON.stringify(type)} is not JSON`);
	const parsed = parseJson(x.body);
	if (!parsed.ok) return fail('the body is not JSON');
	const value = parsed.value;
	if (x.status === 200) {
		const list = Array.isArray(value) ? value : [value];
		if (list.length === 0) fail('an empty batch response');
		for (const m of list) {
			const problems = rpcResponseProblems(m);
			if (problems.length > 0) fail(`malformed JSON-RPC response: ${problems.join(', ')}`);
		}
		return list;
	}
	// 4xx: a JSON-RPC error (transport failures) or the router's {"error":{code,message}} (404, 401).
	if (isHttpErrorBody(value)) return [];
	const problems = rpcResponseProblems(value);
	if (problems.length > 0)
		fail(
			`4xx body is neither a JSON-RPC error nor {"error":{code,message}}: ${problems.join(', ')}`,
		);
	if (isRecord(value) && !('error' in value)) fail('4xx with a JSON-RPC result');
	return [value];
}

/** Checks one management API answer; throws a readable Error when it breaks a rule. Returns the parsed body. */
export function assertAdminAnswer(x: Exchange): unknown {
	const fail = (problem: string): never => {
		throw new Error(describe(x, problem));
	};
	const common = commonProblems(x);
	if (common) fail(common);
	if (x.method.toUpperCase() === 'HEAD') return null;
	const type = x.headers.get('content-type') ?? '';
	if (!type.startsWith('application/json'))
		fail(`content-type ${JSON.stringify(type)} is not JSON`);
	const parsed = parseJson(x.body);
	if (!parsed.ok) return fail('the body is not JSON');
	if (x.status >= 400) {
		if (!isHttpErrorBody(parsed.value)) fail('4xx body is not {"error":{code,message}}');
		if (x.status === 401 && !/^Bearer\b/.test(x.headers.get('www-authenticate') ?? ''))
			fail('401 without WWW-Authenticate: Bearer');
	} else if (x.status < 200 || x.status >= 300) {
		fail(`unexpected status ${x.status}`);
	}
	return parsed.value;
}

/** Every KV key of TOKENS with its value and expiration, as one comparable map. */
export async function kvSnapshot(): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	let cursor: string | undefined;
	do {
		const page = await env.TOKENS.list({ cursor });
		for (const key of page.keys) {
			out.set(key.name, `${key.expiration ?? ''}|${(await env.TOKENS.get(key.name)) ?? ''}`);
		}
		cursor = page.list_complete ? undefined : page.cursor;
	} while (cursor);
	return out;
}

/** The differences between two KV snapshots, as readable lines (empty when equal). */
export function kvDiff(before: Map<string, string>, after: Map<string, string>): string[] {
	const lines: string[] = [];
	for (const [k, v] of after) {
		if (!before.has(k)) lines.push(`added ${k}`);
		else if (before.get(k) !== v) lines.push(`changed ${k}`);
	}
	for (const k of before.keys()) if (!after.has(k)) lines.push(`removed ${k}`);
	return lines;
}

/** One entry of the sandbox request log. */
export interface SandboxLogEntry {
	seq: number;
	method: string;
	path: string;
	status: number;
}

/** The sandbox request log (oldest first). */
export async function sandboxLog(): Promise<SandboxLogEntry[]> {
	const res = await env.EDESK_SANDBOX!.fetch('http://edesk-sandbox.local/__sandbox/requests');
	const body = await res.json<{ data: SandboxLogEntry[] }>();
	return body.data;
}

/** The newest sequence number of the sandbox request log (0 when empty). */
export async function sandboxLastSeq(): Promise<number> {
	const log = await sandboxLog();
	return log.length === 0 ? 0 : Math.max(...log.map((e) => e.seq));
}

/** Sandbox requests logged after `seq`. */
export async function sandboxSince(seq: number): Promise<SandboxLogEntry[]> {
	return (await sandboxLog()).filter((e) => e.seq > seq);
}
