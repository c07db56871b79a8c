/** /integrated-account: connect (checked with /whoami, stored encrypted), list, read, disconnect. */
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../worker/auth/hash';
import { createTokenStore } from '../../worker/auth/token-store';
import { SANDBOX_BASE_URL } from '../../worker/config';
import {
	adminFetch,
	adminJson,
	createSandboxAccount,
	inSeconds,
	putTestAccount,
	SANDBOX_FULL_TOKEN,
} from '../helpers/admin';

const store = createTokenStore(env.TOKENS);

function createAccount(json: unknown, init: RequestInit = {}): ReturnType<typeof adminJson> {
	return adminJson('/integrated-account', { method: 'POST', json, ...init });
}

describe('POST /integrated-account', () => {
	it('connects an account whose token eDesk accepts, and never returns the token', async () => {
		const { response, body } = await createAccount({
			name: 'Acme EU',
			api_token: SANDBOX_FULL_TOKEN,
			base_url: SANDBOX_BASE_URL,
		});
		expect(response.status).toBe(201);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(body).toEqual({
			id: expect.any(String),
			name: 'Acme EU',
			base_url: SANDBOX_BASE_URL,
			edesk_user: expect.objectContaining({ id: expect.any(Number) }),
			created_at: expect.any(String),
		});
		expect(JSON.stringify(body)).not.toContain(SANDBOX_FULL_TOKEN);
		const stored = await store.getAccount(body.id);
		expect(stored?.credential.ciphertext).toEqual(expect.any(String));
	});

	it('accepts a read-only eDesk token and a trailing slash on base_url', async () => {
		const { response, body } = await createAccount({
			name: 'RO',
			api_token: 'sandbox-read-only',
			base_url: `${SANDBOX_BASE_URL}/`,
		});
		expect(response.status).toBe(201);
		expect(body.base_url).toBe(SANDBOX_BASE_URL);
	});

	it('answers 400 invalid_edesk_credential when eDesk rejects the token', async () => {
		const { response, body } = await createAccount({
			name: 'Bad',
			api_token: 'not-a-real-token',
			base_url: SANDBOX_BASE_URL,
		});
		expect(response.status).toBe(400);
		expect(body).toEqual({
			error: {
				code: 'invalid_edesk_credential',
				message: expect.stringContaining('eDesk rejected the API token'),
			},
		});
		expect(JSON.stringify(body)).not.toContain('not-a-real-token');
	});

	it('answers 400 naming every missing field', async () => {
		const { response, body } = await createAccount({});
		expect(response.status).toBe(400);
		expect(body.error.code).toBe('invalid_request');
		expect(body.error.message).toContain('name: is required');
		expect(body.error.message).toContain('api_token: is required');
		expect(body.error.details).toEqual(['name: is required', 'api_token: is required']);
	});

	it('answers 400 for unknown fields, wrong types and an empty name', async () => {
		const unknown = await createAccount({ name: 'x', api_token: 't', token: 't' });
		expect(unknown.response.status).toBe(400);
		expect(unknown.body.error.message).toMatch(/body: unknown field\(s\): token/);
		const wrongType = await createAccount({ name: 42, api_token: 't' });
		expect(wrongType.body.error.message).toContain('name: must be a string');
		const empty = await createAccount({ name: '  ', api_token: 't' });
		expect(empty.body.error.message).toContain('name: must not be empty');
	});

	it('answers 400 for a body that is not JSON, and 415 for another content type', async () => {
		const bad = await adminJson('/integrated-account', {
			method: 'POST',
			body: '{nope',
			headers: { 'content-type': 'application/json' },
		});
		expect(bad.response.status).toBe(400);
		expect(bad.body).toEqual({
			error: { code: 'invalid_request', message: 'The request body is not valid JSON' },
		});
		const form = await adminJson('/integrated-account', {
			method: 'POST',
			body: 'name=x',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(form.response.status).toBe(415);
		expect(form.body.error.code).toBe('unsupported_media_type');
	});

	it('answers 413 for a body over the size limit', async () => {
		const { response, body } = await createAccount({
			name: 'big',
			api_token: 'x'.repeat(1_100_000),
		});
		expect(response.status).toBe(413);
		expect(body.error.code).toBe('payload_too_large');
	});

	it.each([
		['http://api.example.com/v1', 'must use https'],
		['ftp://api.example.com/v1', 'must use https'],
		['not a url', 'must be an absolute URL'],
		['https://user:pw@api.example.com/v1', 'must not contain credentials'],
		['https://api.example.com/v1?x=1', 'must not contain credentials, a query'],
	])('refuses base_url %s', async (baseUrl, why) => {
		const { response, body } = await createAccount({
			name: 'x',
			api_token: 't',
			base_url: baseUrl,
		});
		expect(response.status).toBe(400);
		expect(body.error.message).toContain(`base_url: ${why}`);
	});

	// On a host not known to be eDesk, an unreachable one reads like any other failure.
	it('answers 400 when no eDesk can be reached at a base_url that is not known to be eDesk', async () => {
		const { response, body } = await createAccount({
			name: 'x',
			api_token: 't',
			base_url: 'https://127.0.0.1:9/v1',
		});
		expect(response.status).toBe(400);
		expect(body.error).toEqual({
			code: 'invalid_request',
			message: expect.stringContaining('no eDesk API at https://127.0.0.1:9/v1 accepted'),
		});
	}, 20_000);
});

describe('GET /integrated-account', () => {
	it('lists accounts without credentials', async () => {
		const id = await putTestAccount('Listed');
		const { response, body } = await adminJson('/integrated-account');
		expect(response.status).toBe(200);
		expect(body.data).toEqual(
			expect.arrayContaining([expect.objectContaining({ id, name: 'Listed' })]),
		);
		for (const account of body.data) expect(account).not.toHaveProperty('credential');
	});
});

describe('GET /integrated-account/:id', () => {
	it('reads one account', async () => {
		const id = await putTestAccount('One');
		const { response, body } = await adminJson(`/integrated-account/${id}`);
		expect(response.status).toBe(200);
		expect(body).toEqual({
			id,
			name: 'One',
			base_url: SANDBOX_BASE_URL,
			created_at: expect.any(String),
		});
	});

	it('answers 404 for an unknown or malformed id', async () => {
		const unknown = await adminJson(`/integrated-account/${crypto.randomUUID()}`);
		expect(unknown.response.status).toBe(404);
		expect(unknown.body.error).toEqual({
			code: 'not_found',
			message: expect.stringContaining('No integrated account'),
		});
		expect((await adminFetch('/integrated-account/a%20b')).status).toBe(404);
		expect((await adminFetch('/integrated-account/x/servers')).status).toBe(404);
	});

	it('answers 405 with Allow for a method the route lacks', async () => {
		const response = await adminFetch('/integrated-account', { method: 'PUT', json: {} });
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, POST');
		const one = await adminFetch(`/integrated-account/${crypto.randomUUID()}`, {
			method: 'PATCH',
			json: {},
		});
		expect(one.headers.get('allow')).toBe('GET, DELETE');
	});
});

describe('DELETE /integrated-account/:id', () => {
	it('revokes every MCP server of the account, cancels their alarms, then removes the account', async () => {
		const id = await createSandboxAccount('To delete');
		const created = await Promise.all(
			[inSeconds(86_400), null].map((expires_at) =>
				adminJson(`/integrated-account/${id}/mcp`, {
					method: 'POST',
					json: { name: 'srv', expires_at },
				}),
			),
		);
		const hashes = await Promise.all(created.map(({ body }) => sha256Hex(body.token)));
		const { response, body } = await adminJson(`/integrated-account/${id}`, { method: 'DELETE' });
		expect(response.status).toBe(200);
		expect(body).toEqual({ id, deleted: true, revoked_mcp_servers: 2 });
		for (const hash of hashes) {
			expect(await store.getServerByTokenHash(hash)).toBeNull();
			const stub = env.TOKEN_EXPIRY.getByName(hash);
			expect(await runInDurableObject(stub, (_o, state) => state.storage.getAlarm())).toBeNull();
			expect(await runDurableObjectAlarm(stub)).toBe(false);
		}
		expect(await store.listServerEntries(id)).toEqual([]);
		expect(await store.getAccount(id)).toBeNull();
		expect((await adminFetch(`/integrated-account/${id}`)).status).toBe(404);
		expect((await adminFetch(`/integrated-account/${id}`, { method: 'DELETE' })).status).toBe(404);
	});
});
