/** verifyApiToken with JWKS_URL: asymmetric API tokens checked against keys fetched from the issuer. */
import { importJWK, SignJWT, generateKeyPair, type JWK } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { verifyApiToken } from '../../../worker/auth/jwt';
import { testConfig } from './test-config';

const jwks = inject('jwks');
const now = (): number => Math.floor(Date.now() / 1000);
/** JWKS only: no HS256 secret configured. */
const config = testConfig({ jwtSecret: undefined, jwksUrl: jwks.url });

async function signRs256(
	claims: Record<string, unknown>,
	{ kid = jwks.privateJwk.kid as string, key }: { kid?: string; key?: CryptoKey } = {},
): Promise<string> {
	const signingKey = key ?? ((await importJWK(jwks.privateJwk as JWK, 'RS256')) as CryptoKey);
	return new SignJWT({
		sub: 'idp-user',
		iss: 'edesk-mcp',
		aud: 'edesk-mcp-admin',
		iat: now(),
		exp: now() + 600,
		jti: 'token-1',
		...claims,
	})
		.setProtectedHeader({ alg: 'RS256', kid })
		.sign(signingKey);
}

describe('verifyApiToken with a JWKS', () => {
	it('accepts a token signed with the published key, with its scopes', async () => {
		const exp = now() + 600;
		const result = await verifyApiToken(await signRs256({ exp, scope: 'mcp' }), config);
		expect(result).toEqual({
			ok: true,
			principal: { subject: 'idp-user', expiresAt: exp, scopes: ['mcp'], tokenId: 'token-1' },
		});
	});

	it('refuses a token naming a key the issuer does not publish', async () => {
		const result = await verifyApiToken(await signRs256({}, { kid: 'unknown-key' }), config);
		expect(result).toEqual({
			ok: false,
			description: 'The API token was signed with an unknown key',
		});
	});

	it('refuses a token signed by another key under the published key id', async () => {
		const { privateKey } = await generateKeyPair('RS256');
		const result = await verifyApiToken(await signRs256({}, { key: privateKey }), config);
		expect(result).toEqual({ ok: false, description: 'The API token signature is invalid' });
	});

	it('still checks expiry and audience of a JWKS-signed token', async () => {
		expect(await verifyApiToken(await signRs256({ exp: now() - 120 }), config)).toEqual({
			ok: false,
			description: 'The API token has expired',
		});
		expect((await verifyApiToken(await signRs256({ aud: 'someone-else' }), config)).ok).toBe(false);
	});

	it('refuses HS256 when only a JWKS is configured', async () => {
		const token = await new SignJWT({
			sub: 'x',
			iss: 'edesk-mcp',
			aud: 'edesk-mcp-admin',
			exp: now() + 600,
		})
			.setProtectedHeader({ alg: 'HS256' })
			.sign(new TextEncoder().encode('any-secret-0123456789abcdef0123456789'));
		expect(await verifyApiToken(token, config)).toEqual({
			ok: false,
			description: 'The API token is signed with an algorithm this server does not accept',
		});
	});
});
