/** requireApiToken: the Bearer header and the 401 challenge (RFC 6750 §2.1, §3). */
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { requireApiToken } from '../../../worker/auth/bearer';
import { HttpError } from '../../../worker/lib/errors';
import { TEST_SECRET, testConfig } from './test-config';

/** The deny-list as requireApiToken sees it: nothing revoked unless a test says so. */
const noneRevoked = async (): Promise<boolean> => false;
const need = (scope: 'admin' | 'mcp' = 'admin') => ({ scope, isRevoked: noneRevoked });

async function validToken(scope: string | null = 'admin'): Promise<string> {
	const claims = {
		sub: 'ops',
		iss: 'edesk-mcp',
		aud: 'edesk-mcp-admin',
		iat: Math.floor(Date.now() / 1000),
		exp: Math.floor(Date.now() / 1000) + 600,
		jti: crypto.randomUUID(),
	};
	return new SignJWT(scope === null ? claims : { ...claims, scope })
		.setProtectedHeader({ alg: 'HS256' })
		.sign(new TextEncoder().encode(TEST_SECRET));
}

async function refusal(headers: Record<string, string>): Promise<HttpError> {
	const request = new Request('https://x.test/integrated-account', { headers });
	const error = await requireApiToken(request, testConfig(), need()).then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(HttpError);
	return error as HttpError;
}

describe('requireApiToken', () => {
	it('returns the principal for a valid Bearer token (scheme is case-insensitive)', async () => {
		const request = new Request('https://x.test/', {
			headers: { authorization: `bearer ${await validToken()}` },
		});
		await expect(requireApiToken(request, testConfig(), need())).resolves.toMatchObject({
			subject: 'ops',
			scopes: ['admin'],
		});
	});

	it('lets an mcp-scoped token through only where the mcp scope is enough', async () => {
		const request = new Request('https://x.test/', {
			headers: { authorization: `Bearer ${await validToken('mcp')}` },
		});
		await expect(requireApiToken(request, testConfig(), need('mcp'))).resolves.toMatchObject({
			scopes: ['mcp'],
		});
		const refused = await requireApiToken(request, testConfig(), need('admin')).catch(
			(e: unknown) => e,
		);
		expect(refused).toBeInstanceOf(HttpError);
		expect((refused as HttpError).status).toBe(403);
		expect((refused as HttpError).code).toBe('insufficient_scope');
	});

	it('refuses a token without any scope, for admin and mcp alike', async () => {
		const request = new Request('https://x.test/', {
			headers: { authorization: `Bearer ${await validToken(null)}` },
		});
		for (const scope of ['admin', 'mcp'] as const) {
			const refused = await requireApiToken(request, testConfig(), need(scope)).catch(
				(e: unknown) => e,
			);
			expect((refused as HttpError).status).toBe(403);
		}
	});

	it('answers 401 with a bare Bearer challenge when no credentials are sent', async () => {
		const error = await refusal({});
		expect(error.status).toBe(401);
		expect(error.code).toBe('invalid_token');
		// RFC 6750 §3.1: no error code when the request has no authentication information.
		expect(error.headers['www-authenticate']).toBe('Bearer realm="edesk-mcp"');
	});

	it('answers 401 invalid_token for another scheme', async () => {
		const error = await refusal({ authorization: 'Basic YWxhZGRpbjpvcGVuc2VzYW1l' });
		expect(error.status).toBe(401);
		expect(error.headers['www-authenticate']).toMatch(
			/^Bearer realm="edesk-mcp", error="invalid_token"/,
		);
	});

	it('answers 401 invalid_token with a description for a bad token, without echoing it', async () => {
		const error = await refusal({ authorization: 'Bearer abc.def.ghi' });
		expect(error.status).toBe(401);
		expect(error.headers['www-authenticate']).toMatch(
			/error="invalid_token", error_description="[^"]+"/,
		);
		expect(error.message).not.toContain('abc.def.ghi');
	});
});
