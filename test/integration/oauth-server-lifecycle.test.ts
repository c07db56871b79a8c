/**
 * OAuth tokens live and die with their MCP server. Revoking or expiring the server ends
 * every grant and token at once (checked on every request, as a URL token is), no token outlives
 * `expires_at`, a PATCHed filter applies to signed-in clients, and the management API lists and
 * revokes a server's grants.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTokenStore } from '../../worker/auth/token-store';
import { adminFetch, adminJson, inSeconds } from '../helpers/admin';
import { createTestServer } from '../helpers/mcp';
import { oauthRpc, signIn, tokenRequest } from '../helpers/oauth';
import { activityOf } from '../helpers/activity';

const store = createTokenStore(env.TOKENS);
const serverPath = (s: { accountId: string; serverId: string }) =>
	`/integrated-account/${s.accountId}/mcp/${s.serverId}`;

describe('a revoked or expired server', () => {
	it('ends its OAuth tokens at once when it is revoked, and its grants go with it', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		const { clientId, tokens } = await signIn(server.url);
		expect((await adminJson(`${serverPath(server)}/grants`)).body.data).toHaveLength(1);
		expect((await adminFetch(serverPath(server), { method: 'DELETE' })).status).toBe(200);
		const after = await oauthRpc(tokens.access_token, 'tools/list');
		expect(after.response.status).toBe(401);
		expect(after.response.headers.get('www-authenticate')).toContain('error="invalid_token"');
		const refresh = await tokenRequest({
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token,
			client_id: clientId,
		});
		expect(refresh.status).toBe(400);
		expect(refresh.body.error).toBe('invalid_grant');
	});

	it('refuses its tokens the moment expires_at passes, before any alarm ran', async () => {
		const server = await createTestServer({
			config: { methods: ['read'] },
			expiresAt: inSeconds(3_600),
		});
		const { tokens } = await signIn(server.url);
		expect((await oauthRpc(tokens.access_token, 'tools/list')).response.status).toBe(200);
		const record = (await store.getServerByTokenHash(server.tokenHash))!;
		await store.putServer({ ...record, expires_at: new Date(Date.now() - 1_000).toISOString() });
		expect((await oauthRpc(tokens.access_token, 'tools/list')).response.status).toBe(401);
	});

	it('issues no token that outlives expires_at', async () => {
		const expiresAt = inSeconds(600);
		const server = await createTestServer({
			config: { methods: ['read'] },
			expiresAt,
		});
		const { tokens } = await signIn(server.url);
		expect(tokens.expires_in).toBeGreaterThan(540);
		expect(tokens.expires_in).toBeLessThanOrEqual(600);
		const grants = (await adminJson(`${serverPath(server)}/grants`)).body.data;
		expect(Date.parse(grants[0].expires_at)).toBeLessThanOrEqual(Date.parse(expiresAt) + 1_000);
	});

	it('ends its grants when a PATCH brings expires_at closer', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		const { clientId, tokens } = await signIn(server.url);
		const patched = await adminFetch(serverPath(server), {
			method: 'PATCH',
			json: { expires_at: inSeconds(3_600) },
		});
		expect(patched.status).toBe(200);
		expect((await adminJson(`${serverPath(server)}/grants`)).body.data).toEqual([]);
		const refresh = await tokenRequest({
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token,
			client_id: clientId,
		});
		expect(refresh.body.error).toBe('invalid_grant');
	});
});

describe('a PATCHed filter', () => {
	it('applies to a signed-in client at once', async () => {
		const server = await createTestServer({ config: { methods: ['read'], tags: ['orders'] } });
		const { tokens } = await signIn(server.url);
		const before = await oauthRpc(tokens.access_token, 'tools/list');
		expect(before.body.result.tools.map((t: { name: string }) => t.name)).toContain(
			'list_all_e_desk_sales_orders',
		);
		expect(
			(
				await adminFetch(serverPath(server), {
					method: 'PATCH',
					json: { config: { tags: ['tags'] } },
				})
			).status,
		).toBe(200);
		const after = await oauthRpc(tokens.access_token, 'tools/list');
		expect(after.body.result.tools.map((t: { name: string }) => t.name)).toEqual([
			'list_all_e_desk_tags',
			'get_single_e_desk_tag_by_id',
			'list_all_e_desk_tag_groups',
		]);
	});
});

describe('GET and DELETE …/mcp/:mcp_id/grants', () => {
	it('lists the grants with their client, and revokes one', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		const { clientId, tokens } = await signIn(server.url);
		const before = Date.now();
		expect(
			(
				await oauthRpc(tokens.access_token, 'tools/call', {
					name: 'get_single_e_desk_me',
					arguments: {},
				})
			).response.status,
		).toBe(200);
		await activityOf(server, 1);
		const { response, body } = await adminJson(`${serverPath(server)}/grants`);
		expect(response.status).toBe(200);
		expect(body.data).toEqual([
			{
				id: expect.any(String),
				client_id: clientId,
				client_name: 'Test client',
				scope: ['mcp'],
				created_at: expect.any(String),
				expires_at: expect.any(String),
				last_used_at: expect.any(String),
			},
		]);
		expect(Date.parse(body.data[0].last_used_at)).toBeGreaterThanOrEqual(before - 1_000);
		expect(JSON.stringify(body)).not.toContain(tokens.access_token);
		const revoked = await adminJson(`${serverPath(server)}/grants/${body.data[0].id}`, {
			method: 'DELETE',
		});
		expect(revoked.body).toEqual({ id: body.data[0].id, revoked: true });
		expect((await oauthRpc(tokens.access_token, 'tools/list')).response.status).toBe(401);
		expect(
			(await adminFetch(`${serverPath(server)}/grants/${body.data[0].id}`, { method: 'DELETE' }))
				.status,
		).toBe(404);
	});
});
