/**
 * Hostile input: a fast-check sweep of well over 10,000 malformed or hostile requests against the MCP
 * endpoint and the management API. Every answer is below 500, carries no internal detail, and is a
 * well-formed JSON-RPC response or a JSON 4xx (or an empty 202/204); rejected requests change nothing
 * in KV and send nothing to eDesk. fast-check prints the seed and the shrunk counterexample on failure.
 */
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, SANDBOX_BASE_URL } from '../../worker/config';
import { TOOL_CATALOG } from '../../worker/tools/catalog';
import type { ToolSpec } from '../../worker/tools/tool-spec';
import { ADMIN_ORIGIN, adminJson, createSandboxAccount, mintApiToken } from '../helpers/admin';
import {
	assertAdminAnswer,
	assertMcpAnswer,
	hostileRequestCount,
	kvDiff,
	kvSnapshot,
	sandboxLastSeq,
	sandboxLog,
	sandboxSince,
	send,
	type HostileRequest,
} from '../helpers/hostile';
import {
	invalidAccountBody,
	invalidPreviewBody,
	invalidServerBody,
	invalidUpdateBody,
	nonJsonContentType,
	nonObjectBody,
	type InvalidBody,
} from '../helpers/hostile-admin-arbitraries';
import {
	b64url,
	bigJsonText,
	brokenJsonText,
	headerValue,
	invalidArgsFor,
	invalidUtf8,
	jsonText,
	objectText,
	oddKey,
	oddString,
	pathSegment,
	stringText,
	type CursorPool,
	type InvalidArgs,
} from '../helpers/hostile-arbitraries';
import { createTestServer, JSON_HEADERS, resetSandbox, type TestServer } from '../helpers/mcp';

/** The sweep must send at least this many requests in total. */
const MIN_REQUESTS = 10_000;
const SWEEP_TIMEOUT_MS = 120_000;
// Every property stops (shrinking included) well inside the test timeout: each run is a request, and
// shrinking a large counterexample could otherwise go on for many minutes. The seed is random per run;
// fast-check prints it with the counterexample, and `fc.configureGlobal({ seed })` replays it.
fc.configureGlobal({ interruptAfterTimeLimit: 100_000 });

const VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'] as const;
const MCP_METHODS = [
	'initialize',
	'ping',
	'tools/list',
	'tools/call',
	'notifications/initialized',
	'notifications/cancelled',
	'resources/list',
	'prompts/list',
	'logging/setLevel',
	'completion/complete',
	'sampling/createMessage',
	'rpc.discover',
	'__proto__',
	'constructor',
	'toString',
	'tools/call/',
	'TOOLS/CALL',
	'tools\u0000call',
];
const TOOL_NAMES = TOOL_CATALOG.map((t) => t.name);
/** Request methods workerd accepts (it refuses unknown ones before any Worker runs). */
const HTTP_METHODS = [
	'GET',
	'HEAD',
	'POST',
	'PUT',
	'DELETE',
	'PATCH',
	'OPTIONS',
	'PURGE',
	'TRACE',
	'COPY',
	'LOCK',
	'MKCOL',
	'MOVE',
	'PROPFIND',
	'PROPPATCH',
	'SEARCH',
	'UNLOCK',
	'ACL',
	'REPORT',
	'MERGE',
	'NOTIFY',
	'SUBSCRIBE',
	'UNSUBSCRIBE',
	'QUERY',
	'BAN',
	'post',
	'get',
	'patch',
];

let rw: TestServer;
let ro: TestServer;
let authed: TestServer;
let expired: TestServer;
let apiToken: string;
let cursors: CursorPool;

const asJson = (value: unknown): string => JSON.stringify(value);

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mcpPost(
	server: TestServer,
	body: string | Uint8Array,
	headers: Record<string, string> = {},
): HostileRequest {
	return {
		method: 'POST',
		url: server.url,
		headers: { ...JSON_HEADERS, 'mcp-protocol-version': '2025-11-25', ...headers },
		body,
	};
}

/** A real next_cursor from a list tool of `server` (one sandbox call). */
async function realCursor(server: TestServer, tool: string): Promise<string | null> {
	const x = await send(
		mcpPost(
			server,
			asJson({
				jsonrpc: '2.0',
				id: 1,
				method: 'tools/call',
				params: { name: tool, arguments: { limit: 1 } },
			}),
		),
	);
	const [body] = assertMcpAnswer(x) as { result?: { content?: { text: string }[] } }[];
	const text = body?.result?.content?.[0]?.text;
	if (!text) return null;
	const page = JSON.parse(text) as { next_cursor?: string };
	return page.next_cursor ?? null;
}

/** A cursor with one character of its payload or its signature changed (first characters: no padding bits). */
function tamper(cursor: string): string[] {
	const [payload = '', signature = ''] = cursor.split('.');
	const flip = (s: string): string => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
	return [
		`${flip(payload)}.${signature}`,
		`${payload}.${flip(signature)}`,
		`${payload}.${signature}.${signature}`,
		`${payload}.`,
		`.${signature}`,
		`${payload}.${signature}=`,
	];
}

beforeAll(async () => {
	await resetSandbox();
	rw = await createTestServer();
	ro = await createTestServer({ config: { methods: ['read'] } });
	authed = await createTestServer({ config: { require_api_token_auth: true } });
	expired = await createTestServer({ expiresAt: new Date(Date.now() - 60_000).toISOString() });
	apiToken = await mintApiToken();
	const foreign: { tool: string | null; cursor: string }[] = [];
	for (const tool of ['list_all_e_desk_tickets', 'list_all_e_desk_contacts']) {
		const c = await realCursor(rw, tool);
		if (c) foreign.push({ tool, cursor: c });
	}
	const other = await realCursor(ro, 'list_all_e_desk_tickets');
	if (other) foreign.push({ tool: null, cursor: other });
	expect(foreign.length).toBe(3);
	cursors = { tampered: tamper(foreign[0]!.cursor), foreign };
});

afterAll(async () => {
	await resetSandbox();
});

// --- MCP endpoint --------------------------------------------------------------------------------

/** A JSON-RPC message as text: every field may be missing, mistyped, duplicated or hostile. */
const envelopeText: fc.Arbitrary<string> = (() => {
	const jsonrpc = fc.oneof(
		{ weight: 6, arbitrary: fc.constant('"2.0"') },
		{
			weight: 1,
			arbitrary: fc.constantFrom('"1.0"', '2', '2.0', 'null', '"2.0 "', '""', '["2.0"]'),
		},
		{ weight: 1, arbitrary: jsonText },
	);
	const id = fc.oneof(
		fc.integer().map(String),
		stringText,
		fc.constantFrom('null', '1.5', '-0', '1e400', 'true', '[]', '{}', '[1]', '9007199254740993'),
		jsonText,
	);
	const method = fc.oneof(
		{ weight: 5, arbitrary: fc.constantFrom(...MCP_METHODS).map(asJson) },
		{ weight: 2, arbitrary: stringText },
		{ weight: 1, arbitrary: jsonText },
		{
			weight: 1,
			arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((n) => asJson('m'.repeat(n))),
		},
	);
	const toolName = fc.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...TOOL_NAMES).map(asJson) },
		{ weight: 1, arbitrary: stringText },
		{ weight: 1, arbitrary: jsonText },
	);
	const params = fc.oneof(
		jsonText,
		fc.tuple(toolName, jsonText).map(([n, a]) =>
			objectText([
				['name', n],
				['arguments', a],
			]),
		),
		fc.tuple(toolName, jsonText, jsonText).map(([n, a, meta]) =>
			objectText([
				['name', n],
				['arguments', a],
				['_meta', objectText([['progressToken', meta]])],
			]),
		),
		fc.tuple(jsonText, jsonText).map(([v, c]) =>
			objectText([
				['protocolVersion', v],
				['capabilities', c],
				['clientInfo', '{"name":"x","version":"0"}'],
			]),
		),
		jsonText.map((c) => objectText([['cursor', c]])),
		fc.tuple(oddKey, jsonText).map(([k, v]) =>
			objectText([
				['__proto__', objectText([[k, v]])],
				['name', '"list_all_e_desk_tickets"'],
			]),
		),
	);
	const field = (key: string, value: fc.Arbitrary<string>, weight: number) =>
		fc.option(
			value.map((v) => [key, v] as const),
			{ freq: weight },
		);
	return fc
		.tuple(
			field('jsonrpc', jsonrpc, 8),
			field('id', id, 4),
			field('method', method, 8),
			field('params', params, 4),
			fc.array(fc.tuple(oddKey, jsonText), { maxLength: 3 }),
			fc.boolean(),
		)
		.map(([a, b, c, d, extra, reverse]) => {
			const entries = [a, b, c, d].filter((e): e is readonly [string, string] => e !== null);
			const all = [...entries, ...extra];
			return objectText(reverse ? all.reverse() : all);
		});
})();

const acceptHeader = fc.constantFrom(
	'application/json, text/event-stream',
	'text/event-stream',
	'application/json',
	'*/*',
	'',
	'text/html',
	'application/json;q=0, text/event-stream;q=0',
	'TEXT/EVENT-STREAM',
);

/** The request id when `text` parses to a single JSON-RPC request, else undefined. */
function requestId(text: string): string | number | undefined {
	try {
		const v: unknown = JSON.parse(text);
		if (!isRecord(v) || v.jsonrpc !== '2.0' || typeof v.method !== 'string') return undefined;
		if (typeof v.id === 'string' || (typeof v.id === 'number' && Number.isFinite(v.id)))
			return v.id;
	} catch {
		// not JSON
	}
	return undefined;
}

describe('MCP endpoint under hostile input', () => {
	it(
		'answers raw, broken, huge, deeply nested and non-UTF-8 bodies without a 5xx',
		async () => {
			const body = fc.oneof(
				{ weight: 3, arbitrary: jsonText },
				{ weight: 3, arbitrary: brokenJsonText },
				{ weight: 1, arbitrary: bigJsonText },
				{ weight: 1, arbitrary: oddString },
				{ weight: 1, arbitrary: invalidUtf8 },
			);
			const version = fc.constantFrom<string | null>(null, '2025-11-25', '2025-03-26');
			await fc.assert(
				fc.asyncProperty(body, version, async (b, v) => {
					const headers: Record<string, string> = { ...JSON_HEADERS };
					if (v) headers['mcp-protocol-version'] = v;
					assertMcpAnswer(await send({ method: 'POST', url: rw.url, headers, body: b }));
				}),
				{ numRuns: 1_500 },
			);
		},
		SWEEP_TIMEOUT_MS,
	);

	it(
		'answers JSON-RPC envelopes with wrong types, duplicate and prototype keys with well-formed JSON-RPC',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					envelopeText,
					acceptHeader,
					fc.constantFrom<string | null>('2025-11-25', '2025-06-18', null),
					async (text, accept, version) => {
						const headers: Record<string, string> = { 'content-type': 'application/json', accept };
						if (version) headers['mcp-protocol-version'] = version;
						const x = await send({ method: 'POST', url: rw.url, headers, body: text });
						const messages = assertMcpAnswer(x);
						const id = requestId(text);
						if (id !== undefined && x.status === 200) {
							const final = messages.at(-1);
							expect(
								isRecord(final) && final.id === id,
								`response id for request id ${String(id)}: ${x.body.slice(0, 200)}`,
							).toBe(true);
						}
					},
				),
				{ numRuns: 2_500 },
			);
		},
		SWEEP_TIMEOUT_MS,
	);

	it(
		'answers odd HTTP methods, content types, versions, origins and credentials with the right 4xx',
		async () => {
			const EVIL_ORIGINS = [
				'https://evil.example',
				'https://chatgpt.com.evil.example',
				'http://localhost.evil.example',
				'null',
				'file://',
				'https://CHATGPT.COM:443',
			];
			const GOOD_ORIGINS = [
				'https://chatgpt.com',
				'https://claude.ai',
				'http://localhost:6274',
				'http://127.0.0.1',
				'http://[::1]:3000',
			];
			const target = fc.constantFrom('rw', 'ro', 'authed', 'expired');
			const body = fc.oneof(
				fc.constantFrom(
					asJson({ jsonrpc: '2.0', id: 1, method: 'ping' }),
					asJson({ jsonrpc: '2.0', id: 'x', method: 'tools/list' }),
					asJson({ jsonrpc: '2.0', method: 'notifications/initialized' }),
				),
				envelopeText,
			);
			const contentType = fc.option(
				fc.oneof(
					fc.constantFrom(
						'application/json',
						'application/json; charset=utf-8',
						'APPLICATION/JSON',
						'application/json ; x=y',
						'text/plain',
						'application/jsonx',
						'application/x-json',
						'multipart/form-data; boundary=x',
						'application/x-www-form-urlencoded',
						'text/event-stream',
						'',
					),
					headerValue,
				),
				{ nil: undefined },
			);
			const version = fc.option(
				fc.oneof(
					fc.constantFrom(
						...VERSIONS,
						'',
						' 2025-11-25 ',
						'2026-07-28',
						'2099-01-01',
						'1.0',
						'latest',
						'2025-11-25, 2025-06-18',
						'2025-11-25\t',
					),
					headerValue,
				),
				{ nil: undefined },
			);
			const origin = fc.option(
				fc.oneof(fc.constantFrom(...EVIL_ORIGINS, ...GOOD_ORIGINS), headerValue),
				{ nil: undefined },
			);
			const authorization = fc.option(
				fc.oneof(
					fc.constantFrom(
						'Bearer',
						'Bearer ',
						'Basic dXNlcjpwYXNz',
						'Bearer x.y.z',
						'Bearer em_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
					),
					headerValue,
				),
				{ nil: undefined },
			);
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(...HTTP_METHODS),
					target,
					body,
					contentType,
					version,
					origin,
					acceptHeader,
					authorization,
					fc.option(headerValue, { nil: undefined }),
					async (method, which, b, ct, v, o, accept, auth, session) => {
						const server = { rw, ro, authed, expired }[which];
						const headers: Record<string, string> = { accept };
						if (ct !== undefined) headers['content-type'] = ct;
						if (v !== undefined) headers['mcp-protocol-version'] = v;
						if (o !== undefined) headers.origin = o;
						if (auth !== undefined) headers.authorization = auth;
						if (session !== undefined) headers['mcp-session-id'] = session;
						const x = await send({ method, url: server.url, headers, body: b });
						assertMcpAnswer(x);
						const upper = method.toUpperCase();
						if (o !== undefined && EVIL_ORIGINS.includes(o))
							expect(x.status, 'foreign Origin').toBe(403);
						else if (
							(o === undefined || GOOD_ORIGINS.includes(o)) &&
							upper !== 'POST' &&
							upper !== 'OPTIONS'
						)
							expect(x.status, 'non-POST').toBe(405);
						else if ((o === undefined || GOOD_ORIGINS.includes(o)) && upper === 'POST') {
							if (which === 'expired') expect(x.status, 'expired server').toBe(404);
							if (which === 'authed') expect(x.status, 'server that needs an API token').toBe(401);
						}
					},
				),
				{ numRuns: 1_500 },
			);
		},
		SWEEP_TIMEOUT_MS,
	);

	it(
		'answers forged, altered and odd URL tokens with a fast 404 and no WWW-Authenticate',
		async () => {
			const realVariants = (t: string): string[] => [
				t.toUpperCase(),
				t.slice(0, -1),
				`${t}A`,
				`${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`,
				`X${t.slice(1)}`,
				encodeURIComponent(t).replace('em_', 'em%5F'),
				`${t}%00`,
				`${t};x`,
				` ${t}`.replace(' ', '%20'),
			];
			const token = fc.oneof(
				fc.constantFrom(...realVariants(rw.token), ...realVariants(authed.token), expired.token),
				fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => `em_${b64url(b)}`),
				pathSegment,
				fc.constantFrom('', 'em_', '.well-known', '%2E%2E%2Fintegrated-account'),
			);
			const suffix = fc.constantFrom(
				'',
				'/',
				'/x',
				'/.well-known/openid-configuration',
				'?token=1',
			);
			const prefix = fc.constantFrom(
				'http://127.0.0.1/mcp/',
				'http://evil.example/mcp/',
				'http://127.0.0.1//mcp/',
				'http://127.0.0.1/.well-known/oauth-protected-resource/mcp/',
				'http://127.0.0.1/MCP/',
			);
			await fc.assert(
				fc.asyncProperty(
					prefix,
					token,
					suffix,
					fc.constantFrom('POST', 'POST', 'GET', 'DELETE'),
					async (p, t, s, method) => {
						const url = `${p}${t}${s}`;
						const x = await send({
							method,
							url,
							headers: { ...JSON_HEADERS, 'mcp-protocol-version': '2025-11-25' },
							body: asJson({ jsonrpc: '2.0', id: 1, method: 'ping' }),
						});
						const pathname = new URL(url).pathname;
						if (/^\/*$/.test(pathname)) return; // dot segments resolved to the root page
						assertMcpAnswer(x);
						expect(
							x.headers.get('www-authenticate'),
							'no WWW-Authenticate on an unknown token',
						).toBeNull();
						// Only /mcp/<one segment> reaches the MCP transport (which answers non-POST with 405); no live token is used here.
						const routed = /^\/mcp\/[^/]+?\/*$/.test(pathname);
						expect(x.status, `${method} ${url.slice(0, 120)}`).toBe(
							routed && method !== 'POST' ? 405 : 404,
						);
					},
				),
				{ numRuns: 1_000 },
			);
		},
		SWEEP_TIMEOUT_MS,
	);

	it(
		'refuses invalid arguments for every catalogued tool with an isError result and no eDesk call',
		async () => {
			const perTool = new Map<string, fc.Arbitrary<InvalidArgs>>(
				TOOL_CATALOG.map((t) => [t.name, invalidArgsFor(t, cursors)]),
			);
			const call = fc
				.constantFrom(...TOOL_CATALOG)
				.chain((spec: ToolSpec) => perTool.get(spec.name)!.map((a) => ({ spec, ...a })));
			await env.EDESK_SANDBOX!.fetch('http://edesk-sandbox.local/__sandbox/requests', {
				method: 'DELETE',
			});
			await fc.assert(
				fc.asyncProperty(
					call,
					fc.integer({ min: 1, max: 1_000_000 }),
					async ({ spec, argsText, why }, id) => {
						const text = `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":${asJson(spec.name)},"arguments":${argsText}}}`;
						const x = await send(mcpPost(rw, text));
						const [response] = assertMcpAnswer(x);
						if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) {
							expect(x.status).toBe(413);
							return;
						}
						expect(x.status).toBe(200);
						const result = isRecord(response) ? response.result : undefined;
						expect(
							isRecord(result) && result.isError,
							`${spec.name} (${why}) must be an isError result: ${x.body.slice(0, 300)}`,
						).toBe(true);
						const content = (result as { content: { type: string; text: string }[] }).content;
						expect(content[0]?.type).toBe('text');
						const payload = JSON.parse(content[0]!.text) as { error: string };
						expect(['invalid_arguments', 'invalid_cursor'], `${spec.name} (${why})`).toContain(
							payload.error,
						);
						const reached = await sandboxLog();
						expect(reached, `${spec.name} (${why}) reached eDesk`).toEqual([]);
					},
				),
				{ numRuns: 2_000 },
			);
		},
		SWEEP_TIMEOUT_MS,
	);

	it(
		'answers batches only in 2025-03-26 and keeps every reply well-formed',
		async () => {
			const item = fc.oneof(
				{ weight: 4, arbitrary: envelopeText },
				{ weight: 1, arbitrary: jsonText },
			);
			await fc.assert(
				fc.asyncProperty(
					fc.array(item, { maxLength: 20 }),
					fc.constantFrom<string | null>(null, '2025-03-26', '2025-11-25'),
					async (items, version) => {
						const headers: Record<string, string> = { ...JSON_HEADERS };
						if (version) headers['mcp-protocol-version'] = version;
						const body = `[${items.join(',')}]`;
						const x = await send({ method: 'POST', url: rw.url, headers, body });
						assertMcpAnswer(x);
						if (new TextEncoder().encode(body).byteLength > MAX_BODY_BYTES)
							expect(x.status).toBe(413);
						else if (version === '2025-11-25' || items.length === 0) expect(x.status).toBe(400);
						else expect([200, 202]).toContain(x.status);
					},
				),
				{ numRuns: 500 },
			);
		},
		SWEEP_TIMEOUT_MS,
	);

	it(
		'refuses bodies over 1 MiB with 413 and takes large ones below it',
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.integer({ min: 1_048_577, max: 1_300_000 }),
					fc.boolean(),
					async (size, declared) => {
						const [head, tail] = ['{"jsonrpc":"2.0","id":1,"method":"ping","params":{"p":"', '"}}'];
						const text = `${head}${'x'.repeat(size - head.length - tail.length)}${tail}`;
						const x = await send({
							method: 'POST',
							url: rw.url,
							headers: {
								...JSON_HEADERS,
								...(declared ? { 'content-length': String(text.length) } : {}),
							},
							body: text,
						});
						assertMcpAnswer(x);
						expect(x.status).toBe(413);
					},
				),
				{ numRuns: 10 },
			);
			const below = await send(
				mcpPost(
					rw,
					`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_all_e_desk_tickets","arguments":{"filter_seller_order_id_equals":"${'9'.repeat(1_000_000)}","limit":"x"}}}`,
				),
			);
			const [response] = assertMcpAnswer(below);
			expect(isRecord(response) && isRecord(response.result) && response.result.isError).toBe(true);
		},
		SWEEP_TIMEOUT_MS,
	);

	it(
		'gives the same answers through exports.default.fetch (sample)',
		async () => {
			const request = fc.oneof(
				brokenJsonText.map((b) => mcpPost(rw, b)),
				envelopeText.map((b) => mcpPost(rw, b)),
				fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => ({
					...mcpPost(rw, '{"jsonrpc":"2.0","id":1,"method":"ping"}'),
					url: `http://127.0.0.1/mcp/em_${b64url(b)}`,
				})),
				fc.constantFrom(...HTTP_METHODS).map((method) => ({ ...mcpPost(rw, '{}'), method })),
			);
			await fc.assert(
				fc.asyncProperty(request, async (r) => {
					assertMcpAnswer(await send(r, 'exports'));
				}),
				{ numRuns: 100 },
			);
		},
		SWEEP_TIMEOUT_MS,
	);
});

// --- Management API ------------------------------------------------------------------------------

describe('management API under hostile input', () => {
	let accountId: string;
	let serverId: string;
	let badTokens: string[];
	let before: Map<string, string>;
	let seqBefore: number;

	beforeAll(async () => {
		accountId = await createSandboxAccount('Hostile sweep');
		const { body } = await adminJson(`/integrated-account/${accountId}/mcp`, {
			method: 'POST',
			json: { name: 'target', config: { methods: ['read'] }, expires_at: null },
		});
		serverId = body.id as string;
		const now = Math.floor(Date.now() / 1000);
		const enc = (o: unknown): string => b64url(new TextEncoder().encode(JSON.stringify(o)));
		const parts = apiToken.split('.');
		const claims = JSON.parse(atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
			string,
			unknown
		>;
		badTokens = [
			await mintApiToken({}, { secret: 'not-the-secret-0123456789abcdef0123456789' }),
			await mintApiToken({ exp: now - 3_600 }),
			await mintApiToken({ iss: 'someone-else' }),
			await mintApiToken({ aud: 'edesk-mcp-admin-production' }),
			await mintApiToken({ sub: null }),
			await mintApiToken({ exp: null }),
			await mintApiToken({ nbf: now + 3_600 }),
			await new SignJWT({ sub: 'x', iss: env.JWT_ISSUER, aud: env.JWT_AUDIENCE })
				.setProtectedHeader({ alg: 'HS512' })
				.setExpirationTime('1h')
				.sign(new TextEncoder().encode(env.JWT_SECRET)),
			`${enc({ alg: 'none', typ: 'JWT' })}.${parts[1]}.`,
			`${enc({ alg: 'none', typ: 'JWT' })}.${parts[1]}`,
			`${parts[0]}.${enc({ ...claims, sub: 'root' })}.${parts[2]}`,
			`${parts[0]}.${parts[1]}.${(parts[2]![0] === 'A' ? 'B' : 'A') + parts[2]!.slice(1)}`,
			// (A `crit` header is refused with 401 too, but jose rejects it before its first await, which
			// vitest-pool-workers reports as an unhandled rejection although the Worker handles it.)
			apiToken.slice(0, -3),
			`${apiToken}x`,
			`${parts[0]}.${parts[1]}`,
			`${parts[1]}.${parts[0]}.${parts[2]}`,
		];
		before = await kvSnapshot();
		seqBefore = await sandboxLastSeq();
	});

	/** Paths at and below /integrated-account (after dot-segment resolution): real records and odd segments. */
	const adminPath = (): fc.Arbitrary<string> =>
		fc
			.oneof(
				fc.constantFrom(
					'/integrated-account',
					'/integrated-account/',
					'/integrated-account//',
					'/integrated-account?x=1',
					`/integrated-account/${accountId}`,
					`/integrated-account/${accountId}/mcp`,
					`/integrated-account/${accountId}/mcp/preview`,
					`/integrated-account/${accountId}/mcp/${serverId}`,
					`/integrated-account/${accountId}/mcp/${serverId}/x`,
				),
				fc
					.array(pathSegment, { minLength: 1, maxLength: 4 })
					.map((s) => `/integrated-account/${s.join('/')}`),
			)
			.filter(isAdminPath);
	/** True when the URL path (after dot-segment resolution) is the management API's. */
	function isAdminPath(path: string): boolean {
		const pathname = new URL(`${ADMIN_ORIGIN}${path}`).pathname;
		return pathname === '/integrated-account' || pathname.startsWith('/integrated-account/');
	}

	it(
		'answers 401 to every request without a valid API token and changes nothing',
		async () => {
			const authorization = fc.oneof(
				fc.constantFrom<string | null>(
					null,
					'',
					'Bearer',
					'Bearer ',
					'bearer  ',
					'Basic dXNlcjpwYXNz',
					'Token abc',
					'Bearer x',
					'Bearer a.b.c',
					'Bearer ....',
					'Bearer =====',
					'Bearer eyJ',
				),
				fc.constantFrom(...badTokens).map((t) => `Bearer ${t}`),
				fc.constantFrom(
					`Bearer\t${apiToken}`,
					`Bearer ${apiToken} ${apiToken}`,
					`Token ${apiToken}`,
					apiToken,
					`Bearer ${apiToken},`,
					`Bearer "${apiToken}"`,
				),
				headerValue,
			);
			const body = fc.oneof(
				fc.constantFrom(
					asJson({ name: 'Sneaky', api_token: 'sandbox-full-access', base_url: SANDBOX_BASE_URL }),
					asJson({ name: 'sneaky', config: { methods: ['read', 'write'] }, expires_at: null }),
					asJson({ name: 'renamed' }),
					'',
				),
				jsonText,
				brokenJsonText,
			);
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(...HTTP_METHODS),
					adminPath(),
					authorization,
					body,
					async (method, path, auth, b) => {
						const headers: Record<string, string> = { 'content-type': 'application/json' };
						if (auth !== null) headers.authorization = auth;
						const x = await send({ method, url: `${ADMIN_ORIGIN}${path}`, headers, body: b });
						assertAdminAnswer(x);
						expect(x.status, `${method} ${path}`).toBe(401);
					},
				),
				{ numRuns: 1_500 },
			);
			expect(kvDiff(before, await kvSnapshot())).toEqual([]);
			expect(await sandboxSince(seqBefore)).toEqual([]);
		},
		SWEEP_TIMEOUT_MS,
	);

	it(
		'refuses invalid bodies on every write route with a 4xx and changes nothing',
		async () => {
			const now = Date.now();
			type Case = { method: string; path: string; body: InvalidBody; contentType: string };
			const json = 'application/json';
			const randomId = fc.uuid();
			const cases: fc.Arbitrary<Case> = fc.oneof(
				invalidAccountBody(SANDBOX_BASE_URL).map((body) => ({
					method: 'POST',
					path: '/integrated-account',
					body,
					contentType: json,
				})),
				invalidServerBody(now).map((body) => ({
					method: 'POST',
					path: `/integrated-account/${accountId}/mcp`,
					body,
					contentType: json,
				})),
				invalidUpdateBody(now).map((body) => ({
					method: 'PATCH',
					path: `/integrated-account/${accountId}/mcp/${serverId}`,
					body,
					contentType: json,
				})),
				invalidPreviewBody(now).map((body) => ({
					method: 'POST',
					path: `/integrated-account/${accountId}/mcp/preview`,
					body,
					contentType: json,
				})),
				fc
					.tuple(
						fc.constantFrom('/integrated-account', `/integrated-account/${accountId}/mcp`),
						nonObjectBody,
					)
					.map(([path, body]) => ({ method: 'POST', path, body, contentType: json })),
				fc.constant(null).chain(() =>
					nonObjectBody.map((body) => ({
						method: 'PATCH',
						path: `/integrated-account/${accountId}/mcp/${serverId}`,
						body,
						contentType: json,
					})),
				),
				fc
					.tuple(
						nonJsonContentType,
						fc.constantFrom<[string, string]>(
							['POST', '/integrated-account'],
							['POST', `/integrated-account/${accountId}/mcp`],
							['PATCH', `/integrated-account/${accountId}/mcp/${serverId}`],
						),
					)
					.map(([contentType, [method, path]]) => ({
						method,
						path,
						contentType,
						body: {
							text: asJson(
								path === '/integrated-account'
									? { name: 'x', api_token: 'sandbox-full-access', base_url: SANDBOX_BASE_URL }
									: { name: 'valid but not JSON-typed' },
							),
							why: `content-type ${contentType}`,
						},
					})),
				fc
					.tuple(randomId, fc.constantFrom('POST', 'PATCH', 'DELETE', 'GET'))
					.map(([id, method]) => ({
						method,
						path:
							method === 'POST'
								? `/integrated-account/${id}/mcp`
								: `/integrated-account/${accountId}/mcp/${id}`,
						contentType: json,
						body: {
							text: asJson(
								method === 'POST'
									? { name: 'orphan', config: { methods: ['read'] } }
									: { name: 'ghost' },
							),
							why: 'unknown id',
						},
					})),
				fc.tuple(randomId, fc.constantFrom('GET', 'DELETE')).map(([id, method]) => ({
					method,
					path: `/integrated-account/${id}`,
					contentType: json,
					body: { text: '', why: 'unknown account' },
				})),
			);
			await fc.assert(
				fc.asyncProperty(cases, async ({ method, path, body, contentType }) => {
					const x = await send({
						method,
						url: `${ADMIN_ORIGIN}${path}`,
						headers: { authorization: `Bearer ${apiToken}`, 'content-type': contentType },
						body: body.text,
					});
					assertAdminAnswer(x);
					expect(
						x.status >= 400 && x.status < 500,
						`${method} ${path} (${body.why}) → ${x.status} ${x.body.slice(0, 200)}`,
					).toBe(true);
				}),
				{ numRuns: 1_500 },
			);
			// A snapshot per request would cost ~20 ms each; the keys named in a diff show what was written.
			expect(kvDiff(before, await kvSnapshot()), 'KV after 1,500 refused writes').toEqual([]);
			const writes = (await sandboxSince(seqBefore)).filter((e) => e.method !== 'GET');
			expect(writes).toEqual([]);
		},
		SWEEP_TIMEOUT_MS,
	);

	it(
		'answers odd paths and methods with a valid token without a 5xx and changes nothing',
		async () => {
			const otherId = fc.oneof(fc.uuid(), pathSegment);
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(...HTTP_METHODS),
					adminPath(),
					otherId,
					fc.boolean(),
					fc.option(brokenJsonText, { nil: undefined }),
					async (method, path, other, swap, b) => {
						// Never delete the sweep's own records; any other id may be deleted (and must not exist).
						const target = swap ? path.replace(accountId, other).replace(serverId, other) : path;
						if (!isAdminPath(target)) return;
						const upper = method.toUpperCase();
						const touchesReal = target.includes(accountId) || target.includes(serverId);
						if (upper === 'DELETE' && touchesReal) return;
						const x = await send({
							method,
							url: `${ADMIN_ORIGIN}${target}`,
							headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
							body: b,
						});
						assertAdminAnswer(x);
						if (
							upper !== 'GET' &&
							upper !== 'HEAD' &&
							!/\/mcp\/preview\/*$/.test(new URL(`${ADMIN_ORIGIN}${target}`).pathname)
						)
							expect(x.status, `${method} ${target}`).toBeGreaterThanOrEqual(400);
					},
				),
				{ numRuns: 700 },
			);
			expect(kvDiff(before, await kvSnapshot())).toEqual([]);
			const writes = (await sandboxSince(seqBefore)).filter((e) => e.method !== 'GET');
			expect(writes).toEqual([]);
		},
		SWEEP_TIMEOUT_MS,
	);
});

describe('sweep size', () => {
	it(`sent at least ${MIN_REQUESTS} hostile requests`, () => {
		const count = hostileRequestCount();
		console.info(`hostile sweep: ${count} requests`);
		expect(count).toBeGreaterThanOrEqual(MIN_REQUESTS);
	});
});
