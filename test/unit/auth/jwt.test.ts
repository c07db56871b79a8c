/** verifyApiToken: signature, expiry, issuer and audience checks (RFC 7519 §4.1). */
import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyApiToken } from '../../../worker/auth/jwt';
import { TEST_SECRET, testConfig } from './test-config';

const now = (): number => Math.floor(Date.now() / 1000);

async function sign(claims: Record<string, unknown>, secret = TEST_SECRET): Promise<string> {
	return new SignJWT({
		sub: 'alice',
		iss: 'edesk-mcp',
		aud: 'edesk-mcp-admin',
		iat: now(),
		exp: now() + 600,
		jti: 'token-1',
		...claims,
	})
		.setProtectedHeader({ alg: 'HS256' })
		.sign(new TextEncoder().encode(secret));
}

describe('verifyApiToken', () => {
	it('accepts a token with the right signature, issuer, audience and a future expiry', async () => {
		const exp = now() + 600;
		const result = await verifyApiToken(await sign({ exp }), testConfig());
		expect(result).toEqual({
			ok: true,
			principal: { subject: 'alice', expiresAt: exp, scopes: [], tokenId: 'token-1' },
		});
		const scoped = await verifyApiToken(await sign({ exp, scope: 'admin mcp' }), testConfig());
		expect(scoped).toEqual({
			ok: true,
			principal: { subject: 'alice', expiresAt: exp, scopes: ['admin', 'mcp'], tokenId: 'token-1' },
		});
	});

	// An array `aud` was accepted.
	it('refuses an audience list, even one that contains the configured audience', async () => {
		const result = await verifyApiToken(
			await sign({ aud: ['other', 'edesk-mcp-admin'] }),
			testConfig(),
		);
		expect(result).toEqual({
			ok: false,
			description: 'The API token must name exactly one audience',
		});
	});

	it('refuses a token signed with another secret', async () => {
		const result = await verifyApiToken(
			await sign({}, 'another-secret-0123456789abcdef0123'),
			testConfig(),
		);
		expect(result).toEqual({ ok: false, description: 'The API token signature is invalid' });
	});

	it('refuses an expired token', async () => {
		const result = await verifyApiToken(await sign({ exp: now() - 120 }), testConfig());
		expect(result).toEqual({ ok: false, description: 'The API token has expired' });
	});

	it('refuses a token from another issuer', async () => {
		const result = await verifyApiToken(await sign({ iss: 'someone-else' }), testConfig());
		expect(result).toMatchObject({ ok: false, description: expect.stringContaining('issuer') });
	});

	it('refuses a token for another audience (environment)', async () => {
		const result = await verifyApiToken(
			await sign({ aud: 'edesk-mcp-admin-production' }),
			testConfig(),
		);
		expect(result).toMatchObject({ ok: false, description: expect.stringContaining('audience') });
	});

	it('refuses a token without exp or sub', async () => {
		const noExp = await new SignJWT({ sub: 'alice', iss: 'edesk-mcp', aud: 'edesk-mcp-admin' })
			.setProtectedHeader({ alg: 'HS256' })
			.sign(new TextEncoder().encode(TEST_SECRET));
		expect((await verifyApiToken(noExp, testConfig())).ok).toBe(false);
		const noSub = await new SignJWT({ iss: 'edesk-mcp', aud: 'edesk-mcp-admin', exp: now() + 600 })
			.setProtectedHeader({ alg: 'HS256' })
			.sign(new TextEncoder().encode(TEST_SECRET));
		expect((await verifyApiToken(noSub, testConfig())).ok).toBe(false);
	});

	it('refuses a token that is not yet valid', async () => {
		const result = await verifyApiToken(await sign({ nbf: now() + 600 }), testConfig());
		expect(result).toMatchObject({
			ok: false,
			description: expect.stringContaining('not valid yet'),
		});
	});

	it('refuses an unsigned (alg none) token', async () => {
		const header = btoa(JSON.stringify({ alg: 'none' })).replace(/=+$/, '');
		const body = btoa(
			JSON.stringify({ sub: 'alice', iss: 'edesk-mcp', aud: 'edesk-mcp-admin', exp: now() + 600 }),
		).replace(/=+$/, '');
		const result = await verifyApiToken(`${header}.${body}.`, testConfig());
		expect(result.ok).toBe(false);
	});

	it('refuses an RS256 token when no JWKS URL is configured', async () => {
		const { privateKey } = await generateKeyPair('RS256');
		const token = await new SignJWT({
			sub: 'alice',
			iss: 'edesk-mcp',
			aud: 'edesk-mcp-admin',
			exp: now() + 600,
		})
			.setProtectedHeader({ alg: 'RS256' })
			.sign(privateKey);
		expect(await verifyApiToken(token, testConfig())).toMatchObject({
			ok: false,
			description: expect.stringContaining('algorithm'),
		});
	});

	it('refuses text that is not a JWT', async () => {
		expect(await verifyApiToken('not-a-jwt', testConfig())).toEqual({
			ok: false,
			description: 'The API token is not a JWT',
		});
	});

	it('throws (a generic 500) when neither JWT_SECRET nor JWKS_URL is configured', async () => {
		await expect(
			verifyApiToken(await sign({}), testConfig({ jwtSecret: undefined })),
		).rejects.toThrow(/not configured/);
	});

	it('refuses a token with a critical header extension it does not understand', async () => {
		const b64 = (v: object | Uint8Array): string => {
			const bytes = v instanceof Uint8Array ? v : new TextEncoder().encode(JSON.stringify(v));
			return btoa(String.fromCharCode(...bytes))
				.replace(/\+/g, '-')
				.replace(/\//g, '_')
				.replace(/=+$/, '');
		};
		const input = `${b64({ alg: 'HS256', crit: ['x-ext'], 'x-ext': 1 })}.${b64({ sub: 'alice', iss: 'edesk-mcp', aud: 'edesk-mcp-admin', exp: now() + 600 })}`;
		const key = await crypto.subtle.importKey(
			'raw',
			new TextEncoder().encode(TEST_SECRET),
			{ name: 'HMAC', hash: 'SHA-256' },
			false,
			['sign'],
		);
		const signature = new Uint8Array(
			await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)),
		);
		expect(await verifyApiToken(`${input}.${b64(signature)}`, testConfig())).toEqual({
			ok: false,
			description: 'The API token is malformed',
		});
	});
});

// Regressions: a 100-year `exp` and an `iat` in the future were
// accepted, and no token could be revoked (no `jti`).
describe('verifyApiToken lifetime and token id', () => {
	it('refuses a lifetime beyond the configured maximum (90 days by default)', async () => {
		const iat = now();
		const century = await verifyApiToken(
			await sign({ iat, exp: iat + 100 * 365 * 86_400 }),
			testConfig(),
		);
		expect(century).toEqual({
			ok: false,
			description: 'The API token lives longer than the 90-day maximum (API_TOKEN_MAX_TTL_DAYS)',
		});
		const edge = await verifyApiToken(await sign({ iat, exp: iat + 90 * 86_400 }), testConfig());
		expect(edge.ok).toBe(true);
		const short = testConfig({ apiTokenMaxTtlSeconds: 3_600 });
		expect((await verifyApiToken(await sign({ iat, exp: iat + 3_601 }), short)).ok).toBe(false);
	});

	it('refuses an iat in the future beyond the clock skew, and accepts one within it', async () => {
		const future = await verifyApiToken(
			await sign({ iat: now() + 120, exp: now() + 600 }),
			testConfig(),
		);
		expect(future).toEqual({ ok: false, description: 'The API token was issued in the future' });
		expect((await verifyApiToken(await sign({ iat: now() + 10 }), testConfig())).ok).toBe(true);
	});

	it('refuses a token without iat or jti, or with a jti that cannot name a deny-list entry', async () => {
		for (const claims of [
			{ iat: undefined },
			{ jti: undefined },
			{ jti: 'a b' },
			{ jti: 'x'.repeat(129) },
		]) {
			const result = await verifyApiToken(await sign(claims), testConfig());
			expect(result.ok, JSON.stringify(claims)).toBe(false);
		}
	});
});
