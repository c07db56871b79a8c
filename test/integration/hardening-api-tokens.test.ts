/**
 * Regressions on the management API: a 100-year token, a future
 * `iat` and an audience list were accepted, and no token could be revoked. Tokens now have a bounded
 * lifetime and a `jti`, and `POST /api-tokens/revocations` refuses a token from its next request on.
 */
import { describe, expect, it } from 'vitest';
import { adminFetch, adminJson, mintApiToken } from '../helpers/admin';
import { createTestServer, rpc } from '../helpers/mcp';

describe('API token lifetime', () => {
	it('refuses a 100-year token, an iat in the future and an audience list with 401', async () => {
		const now = Math.floor(Date.now() / 1000);
		for (const claims of [
			{ iat: now, exp: now + 100 * 365 * 86_400 },
			{ iat: now + 3_600, exp: now + 7_200 },
			{ aud: ['edesk-mcp-admin', 'other'] },
			{ jti: null },
		]) {
			const response = await adminFetch('/integrated-account', {
				token: await mintApiToken(claims),
			});
			expect(response.status, JSON.stringify(claims)).toBe(401);
		}
	});
});

describe('POST /api-tokens/revocations', () => {
	it('refuses the revoked token at once, on the management API and on a locked MCP server', async () => {
		const jti = crypto.randomUUID();
		const victim = await mintApiToken({ jti, scope: 'admin' });
		const server = await createTestServer({ config: { require_api_token_auth: true } });
		const bearer = { authorization: `Bearer ${victim}` };
		expect((await adminFetch('/integrated-account', { token: victim })).status).toBe(200);
		expect((await rpc(server.url, 'tools/list', undefined, bearer)).response.status).toBe(200);

		const { response, body } = await adminJson('/api-tokens/revocations', {
			method: 'POST',
			json: { jti, reason: 'laptop lost' },
		});
		expect(response.status).toBe(201);
		expect(body).toEqual({
			jti,
			reason: 'laptop lost',
			revoked_at: expect.any(String),
			expires_at: expect.any(String),
			revoked_by: 'test-admin',
		});
		// No later than the longest any token may live (90 days).
		expect(Date.parse(body.expires_at) - Date.now()).toBeLessThanOrEqual(90 * 86_400_000);

		const refused = await adminFetch('/integrated-account', { token: victim });
		expect(refused.status).toBe(401);
		expect(refused.headers.get('www-authenticate')).toContain(
			'error_description="The API token has been revoked"',
		);
		expect((await rpc(server.url, 'tools/list', undefined, bearer)).response.status).toBe(401);
		// Other tokens keep working.
		expect((await adminFetch('/integrated-account')).status).toBe(200);

		const listed = await adminJson('/api-tokens/revocations');
		expect(listed.body.data).toContainEqual(
			expect.objectContaining({ jti, reason: 'laptop lost' }),
		);
	});

	it('answers 400 for a jti that cannot name a token, and 401 without an API token', async () => {
		const bad = await adminJson('/api-tokens/revocations', {
			method: 'POST',
			json: { jti: 'a b' },
		});
		expect(bad.response.status).toBe(400);
		expect(bad.body.error.message).toContain('jti: must be 1 to 128 letters');
		const anonymous = await adminFetch('/api-tokens/revocations', {
			method: 'POST',
			json: { jti: 'x' },
			token: null,
		});
		expect(anonymous.status).toBe(401);
		const wrongMethod = await adminFetch('/api-tokens/revocations', { method: 'DELETE' });
		expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'GET, POST']);
	});
});
