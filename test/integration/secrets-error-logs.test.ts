/**
 * Secrets in logs, beyond secrets-logs.test.ts: every console line the Worker writes while requests hit error paths (unknown URL
 * token, locked servers without or with bad API tokens, bad JWTs on the management API, eDesk 5xx,
 * 401, 429 and a write applied before a 500, a corrupt KV record that ends in a real logged 500)
 * holds no raw URL token, API token, eDesk credential or Worker secret, and any MCP path is redacted.
 */
import { env, exports } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { sha256Hex } from '../../worker/auth/hash';
import {
	adminFetch,
	createSandboxAccount,
	mintApiToken,
	SANDBOX_FULL_TOKEN,
} from '../helpers/admin';
import {
	callTool,
	createTestServer,
	post,
	resetSandbox,
	rpc,
	sandboxControl,
	type TestServer,
} from '../helpers/mcp';

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const lines: string[] = [];
const spies: MockInstance[] = [];

function capture(): void {
	for (const name of METHODS) {
		spies.push(
			vi.spyOn(console, name).mockImplementation((...args: unknown[]) => {
				lines.push(
					args
						.map((a) =>
							typeof a === 'string'
								? a
								: a instanceof Error
									? `${a.name}: ${a.message}\n${a.stack ?? ''}`
									: JSON.stringify(a),
						)
						.join(' '),
				);
			}),
		);
	}
}

let plain: TestServer;
let locked: TestServer;
let admin: string;
let mcpScoped: string;
const badJwts: string[] = [];

beforeAll(async () => {
	await resetSandbox();
	plain = await createTestServer();
	locked = await createTestServer({ config: { require_api_token_auth: true } });
	admin = await mintApiToken({ sub: 'secrets-logs' });
	mcpScoped = await mintApiToken({ sub: 'contractor', scope: 'mcp' });
	badJwts.push(
		await mintApiToken({}, { secret: 'wrong-secret-0123456789abcdef0123456789abcdef' }),
		await mintApiToken({ exp: Math.floor(Date.now() / 1000) - 3_600 }),
		await mintApiToken({ aud: 'someone-else' }),
		`${admin.slice(0, -4)}AAAA`,
	);
	capture();

	// MCP: unknown and altered URL tokens.
	await post(
		`http://127.0.0.1/mcp/em_${'Z'.repeat(43)}`,
		'{"jsonrpc":"2.0","id":1,"method":"ping"}',
	);
	await post(`http://127.0.0.1/mcp/${plain.token}x`, '{"jsonrpc":"2.0","id":1,"method":"ping"}');
	await post(`http://127.0.0.1/mcp/${plain.token}/.well-known/openid-configuration`, '{}');
	// Locked server: no token, bad tokens, the URL token pasted as a bearer, an admin token, an mcp token.
	for (const authorization of [
		undefined,
		...badJwts.map((t) => `Bearer ${t}`),
		`Bearer ${locked.token}`,
		`Basic ${btoa(`x:${admin}`)}`,
	]) {
		const { response } = await rpc(
			locked.url,
			'tools/list',
			undefined,
			authorization ? { authorization } : {},
		);
		expect(response.status).toBe(401);
	}
	expect(
		(await rpc(locked.url, 'tools/list', undefined, { authorization: `Bearer ${admin}` })).response
			.status,
	).toBe(200);
	expect(
		(await rpc(locked.url, 'tools/list', undefined, { authorization: `Bearer ${mcpScoped}` }))
			.response.status,
	).toBe(200);
	// Management API: bad JWTs, a token without the admin scope, and the eDesk credential in a refused body.
	for (const token of [...badJwts, plain.token, mcpScoped]) {
		const res = await adminFetch('/integrated-account', { token });
		expect([401, 403]).toContain(res.status);
	}
	await adminFetch('/integrated-account', {
		method: 'POST',
		json: {
			name: 'x',
			api_token: SANDBOX_FULL_TOKEN,
			base_url: 'http://evil.example/v1',
			extra: 1,
		},
	});
	await createSandboxAccount('Logged shop');
	// eDesk failures behind tool calls: 500, 500 on a write that was applied, 401, 429.
	for (const [status, tool, args] of [
		[500, 'list_all_e_desk_tickets', { limit: 1 }],
		[401, 'get_single_e_desk_ticket_by_id', { id: 701581498 }],
		[429, 'list_all_e_desk_contacts', {}],
	] as const) {
		await sandboxControl('fail-next', { status });
		const { isError } = await callTool(plain.url, tool, args);
		expect(isError).toBe(true);
	}
	await sandboxControl('fail-next', { status: 500, apply: true });
	expect(
		(
			await callTool(plain.url, 'create_a_e_desk_message', {
				ticket_id: 701581498,
				type: 'Note',
				body: 'applied, reply lost',
			})
		).isError,
	).toBe(true);
	// A corrupt KV record: the Worker answers a generic 500 and logs the (redacted) path.
	const broken = await createTestServer();
	await env.TOKENS.put(`token:${await sha256Hex(broken.token)}`, 'not json {');
	const res = await exports.default.fetch(
		new Request(broken.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
		}),
	);
	expect(res.status).toBeGreaterThanOrEqual(400);
	const text = await res.text();
	expect(text).not.toContain(broken.token);
	for (const spy of spies) spy.mockRestore();
	secretsToCheck.push(
		['URL token', plain.token],
		['URL token', locked.token],
		['URL token', broken.token],
		['URL token body', broken.token.slice(3)],
	);
	for (const t of [admin, mcpScoped, ...badJwts])
		secretsToCheck.push(['API token', t], ['API token signature', t.split('.')[2]!]);
	secretsToCheck.push(
		['eDesk credential', SANDBOX_FULL_TOKEN],
		['eDesk credential (base64)', btoa(SANDBOX_FULL_TOKEN)],
	);
	secretsToCheck.push(['JWT_SECRET', env.JWT_SECRET], ['CREDENTIAL_KEY', env.CREDENTIAL_KEY]);
}, 60_000);

const secretsToCheck: [string, string][] = [];

afterAll(async () => {
	await resetSandbox();
});

describe('console output on error paths', () => {
	it('was captured (the corrupt record was logged with a redacted path)', () => {
		expect(lines.length).toBeGreaterThan(0);
		expect(lines.some((l) => l.includes('/mcp/[redacted]'))).toBe(true);
	});

	it('holds no URL token, API token, eDesk credential or Worker secret', () => {
		for (const line of lines) {
			for (const [what, secret] of secretsToCheck)
				expect(line.includes(secret), `${what} in log line: ${line.slice(0, 300)}`).toBe(false);
			expect(line, 'a URL token shape').not.toMatch(/em_[A-Za-z0-9_-]{20,}/);
			expect(line, 'a JWT shape').not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\./);
		}
	});

	it('names MCP paths only in redacted form', () => {
		for (const line of lines) {
			for (const m of line.matchAll(/\/mcp\/([^\s"'?#]*)/g))
				expect(m[1], line.slice(0, 300)).toMatch(/^\[redacted\]/);
		}
	});
});
