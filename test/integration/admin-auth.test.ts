/** Management API auth: every route needs a valid API token (RFC 6750 §3). */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminFetch, mintApiToken, putTestAccount } from '../helpers/admin';

let accountId: string;
beforeAll(async () => {
	accountId = await putTestAccount();
});

const ROUTES: readonly [string, string][] = [
	['GET', '/integrated-account'],
	['POST', '/integrated-account'],
	['GET', '/integrated-account/ACCOUNT'],
	['DELETE', '/integrated-account/ACCOUNT'],
	['GET', '/integrated-account/ACCOUNT/mcp'],
	['POST', '/integrated-account/ACCOUNT/mcp'],
	['POST', '/integrated-account/ACCOUNT/mcp/preview'],
	['GET', '/integrated-account/ACCOUNT/mcp/some-server'],
	['PATCH', '/integrated-account/ACCOUNT/mcp/some-server'],
	['DELETE', '/integrated-account/ACCOUNT/mcp/some-server'],
	['GET', '/integrated-account/ACCOUNT/unknown'],
];

async function expectInvalidToken(response: Response, description?: RegExp): Promise<void> {
	expect(response.status).toBe(401);
	expect(response.headers.get('cache-control')).toBe('no-store');
	expect(response.headers.get('content-type')).toContain('application/json');
	const challenge = response.headers.get('www-authenticate') ?? '';
	expect(challenge).toMatch(
		/^Bearer realm="edesk-mcp", error="invalid_token", error_description="[^"]+"$/,
	);
	if (description) expect(challenge).toMatch(description);
	expect(await response.json()).toMatchObject({
		error: { code: 'invalid_token', message: expect.any(String) },
	});
}

describe('management API auth', () => {
	it.each(ROUTES)('refuses %s %s without an Authorization header', async (method, path) => {
		const response = await adminFetch(path.replace('ACCOUNT', accountId), { method, token: null });
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toBe('Bearer realm="edesk-mcp"');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({
			error: { code: 'invalid_token', message: expect.stringContaining('Authorization: Bearer') },
		});
	});

	it('accepts a valid token', async () => {
		const response = await adminFetch('/integrated-account');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('refuses a token signed with another secret', async () => {
		const token = await mintApiToken({}, { secret: 'not-the-secret-0123456789abcdef0123456789' });
		await expectInvalidToken(await adminFetch('/integrated-account', { token }), /signature/);
	});

	it('refuses an expired token', async () => {
		const token = await mintApiToken({ exp: Math.floor(Date.now() / 1000) - 300 });
		await expectInvalidToken(await adminFetch('/integrated-account', { token }), /expired/);
	});

	it('refuses a token from another issuer', async () => {
		const token = await mintApiToken({ iss: 'https://evil.example' });
		await expectInvalidToken(await adminFetch('/integrated-account', { token }), /issuer/);
	});

	it('refuses a token for another audience (a staging token on local)', async () => {
		const token = await mintApiToken({ aud: `${env.JWT_AUDIENCE}-staging` });
		await expectInvalidToken(await adminFetch('/integrated-account', { token }), /audience/);
	});

	it('refuses a token without an expiry', async () => {
		await expectInvalidToken(
			await adminFetch('/integrated-account', { token: await mintApiToken({ exp: null }) }),
		);
	});

	it('refuses a token that is not a JWT and a non-Bearer scheme', async () => {
		await expectInvalidToken(await adminFetch('/integrated-account', { token: 'em_not-a-jwt' }));
		const basic = await adminFetch('/integrated-account', {
			token: null,
			headers: { authorization: 'Basic dXNlcjpwYXNz' },
		});
		await expectInvalidToken(basic);
	});

	it('never echoes the presented token', async () => {
		const token = await mintApiToken({ exp: Math.floor(Date.now() / 1000) - 300 });
		const response = await adminFetch('/integrated-account', { token });
		const text = await response.text();
		expect(text).not.toContain(token);
		expect(response.headers.get('www-authenticate')).not.toContain(token);
	});
});
