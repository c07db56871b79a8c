/**
 * Secrets at rest after real traffic: once accounts, MCP servers, tool calls (reads and a write),
 * API-token-locked calls and refused requests have run, no KV key or value holds a raw URL token,
 * an API token (JWT), the plaintext eDesk credential, or one of the Worker's own secrets.
 */
import { env, exports } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../worker/auth/hash';
import { SANDBOX_BASE_URL } from '../../worker/config';
import {
	adminJson,
	createSandboxAccount,
	inSeconds,
	mintApiToken,
	SANDBOX_FULL_TOKEN,
} from '../helpers/admin';
import { dumpKv } from '../helpers/kv-dump';
import { callTool, resetSandbox, rpc } from '../helpers/mcp';

/** Text forms a secret might be stored in besides itself. */
function encodings(secret: string): string[] {
	const bytes = new TextEncoder().encode(secret);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	const b64 = btoa(binary);
	const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	return [secret, b64, b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), hex];
}

const urlTokens: string[] = [];
const apiTokens: string[] = [];

beforeAll(async () => {
	await resetSandbox();
	const admin = await mintApiToken({ sub: 'secrets-kv' });
	const mcpScoped = await mintApiToken({ sub: 'contractor', scope: 'mcp' });
	apiTokens.push(admin, mcpScoped);
	const call = (path: string, init: { method: string; json?: unknown; token?: string }) =>
		adminJson(path, { ...init, token: init.token ?? admin });

	const accountId = await createSandboxAccount('Secrets shop');
	// A second connection attempt with a token eDesk refuses: 400, nothing stored.
	const refused = await call('/integrated-account', {
		method: 'POST',
		json: { name: 'Wrong token', api_token: 'sandbox-not-a-token', base_url: SANDBOX_BASE_URL },
	});
	expect(refused.response.status).toBe(400);

	const servers: { id: string; url: string }[] = [];
	for (const [name, config, expires_at] of [
		['plain', { methods: ['read', 'write'] }, null],
		['locked', { methods: ['read'], require_api_token_auth: true }, null],
		['expiring', { methods: ['read'] }, inSeconds(86_400)],
	] as const) {
		const { response, body } = await call(`/integrated-account/${accountId}/mcp`, {
			method: 'POST',
			json: { name, config, expires_at },
		});
		expect(response.status).toBe(201);
		urlTokens.push(body.token as string);
		servers.push({ id: body.id as string, url: `http://127.0.0.1/mcp/${body.token as string}` });
	}
	const [plain, locked, expiring] = servers as [
		(typeof servers)[0],
		(typeof servers)[0],
		(typeof servers)[0],
	];

	// MCP traffic: lifecycle, reads, a write, cursors, refusals.
	await rpc(plain.url, 'initialize', {
		protocolVersion: '2025-11-25',
		capabilities: {},
		clientInfo: { name: 'secrets', version: '0' },
	});
	await rpc(plain.url, 'tools/list');
	const page = await callTool(plain.url, 'list_all_e_desk_tickets', { limit: 2 });
	expect(page.isError).toBe(false);
	await callTool(plain.url, 'list_all_e_desk_tickets', { next_cursor: page.data.next_cursor });
	await callTool(plain.url, 'get_single_e_desk_ticket_by_id', { id: 701581498 });
	const note = await callTool(plain.url, 'create_a_e_desk_message', {
		ticket_id: 701581498,
		type: 'Note',
		body: 'Checked by the secrets test',
	});
	expect(note.isError).toBe(false);
	await callTool(plain.url, 'get_single_e_desk_ticket_by_id', { id: 'nope' });
	await callTool(expiring.url, 'list_all_e_desk_contacts', { limit: 1 });
	expect((await rpc(locked.url, 'tools/list')).response.status).toBe(401);
	expect(
		(await rpc(locked.url, 'tools/list', undefined, { authorization: `Bearer ${mcpScoped}` }))
			.response.status,
	).toBe(200);
	await callTool(
		locked.url,
		'list_all_e_desk_tickets',
		{ limit: 1 },
		{ authorization: `Bearer ${admin}` },
	);
	await exports.default.fetch(
		new Request(`http://127.0.0.1/mcp/em_${'A'.repeat(43)}`, { method: 'POST', body: '{}' }),
	);

	// Management traffic: reads, preview, rename, filter change, expiry change, a refused token, a revoke.
	await call('/integrated-account', { method: 'GET' });
	await call(`/integrated-account/${accountId}/mcp`, { method: 'GET' });
	await call(`/integrated-account/${accountId}/mcp/preview`, {
		method: 'POST',
		json: { config: { methods: ['read'] } },
	});
	await call(`/integrated-account/${accountId}/mcp/${plain.id}`, {
		method: 'PATCH',
		json: { name: 'renamed', config: { tags: ['tickets'] } },
	});
	await call(`/integrated-account/${accountId}/mcp/${expiring.id}`, {
		method: 'PATCH',
		json: { expires_at: inSeconds(172_800) },
	});
	expect(
		(await call('/integrated-account', { method: 'GET', token: mcpScoped })).response.status,
	).toBe(403);
	const revoke = await call(`/integrated-account/${accountId}/mcp/${expiring.id}`, {
		method: 'DELETE',
	});
	expect(revoke.response.status).toBe(200);
});

afterAll(async () => {
	await resetSandbox();
});

describe('KV after MCP and management traffic', () => {
	it('holds the hashed server records it should', async () => {
		const names = (await dumpKv()).map((e) => e.name);
		for (const token of urlTokens.slice(0, 2))
			expect(names).toContain(`token:${await sha256Hex(token)}`);
		expect(names.some((n) => n.startsWith('account:'))).toBe(true);
	});

	it('holds no raw URL token, API token, eDesk credential or Worker secret in any key or value', async () => {
		const entries = await dumpKv();
		expect(entries.length).toBeGreaterThanOrEqual(5);
		const secrets: [string, string][] = [
			...urlTokens.flatMap(
				(t) =>
					[
						[`URL token`, t],
						['URL token body', t.slice(3)],
					] as [string, string][],
			),
			...apiTokens.flatMap(
				(t) =>
					[
						['API token', t],
						['API token signature', t.split('.')[2]!],
					] as [string, string][],
			),
			...encodings(SANDBOX_FULL_TOKEN).map((e) => ['eDesk credential', e] as [string, string]),
			['JWT_SECRET', env.JWT_SECRET!],
			['CREDENTIAL_KEY', env.CREDENTIAL_KEY!],
		];
		for (const { name, value } of entries) {
			for (const [what, secret] of secrets) {
				expect(name.includes(secret), `${what} in KV key ${name}`).toBe(false);
				expect(value.includes(secret), `${what} in the value of ${name}`).toBe(false);
			}
			expect(value, `a URL token shape in ${name}`).not.toMatch(/em_[A-Za-z0-9_-]{20,}/);
			expect(value, `a JWT shape in ${name}`).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\./);
		}
	});
});
