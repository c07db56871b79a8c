/**
 * Signing in with OAuth 2.1 (authorization code + PKCE S256, RFC 8707 resource, RFC 9207
 * iss) binds the tokens to the one MCP server whose access key the person pasted; the refusals the
 * issue lists: a wrong resource, a wrong PKCE verifier, an unregistered redirect URI, a reused code,
 * and server A's token on server B.
 */
import { describe, expect, it } from 'vitest';
import { READ_ORDERS_TOOLS } from '../helpers/tool-sets';
import { createTestServer, rpc } from '../helpers/mcp';
import {
	authorizePath,
	consent,
	OAUTH_ORIGIN,
	oauthRpc,
	openConsent,
	pkce,
	REDIRECT_URI,
	registerClient,
	RESOURCE,
	signIn,
	tokenRequest,
} from '../helpers/oauth';

describe('the authorization code flow', () => {
	it('gives a token for the server of the pasted key; its filters apply on /mcp', async () => {
		const server = await createTestServer({ config: { methods: ['read'], tags: ['orders'] } });
		const clientId = await registerClient();
		const { verifier, challenge } = await pkce();
		const location = await consent(authorizePath(clientId, challenge), server.url);
		expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
		expect(location.searchParams.get('state')).toBe('state-123');
		expect(location.searchParams.get('iss')).toBe(OAUTH_ORIGIN);
		const { status, body, response } = await tokenRequest({
			grant_type: 'authorization_code',
			code: location.searchParams.get('code')!,
			redirect_uri: REDIRECT_URI,
			client_id: clientId,
			code_verifier: verifier,
			resource: RESOURCE,
		});
		expect(status).toBe(200);
		expect(response.headers.get('cache-control')).toContain('no-store');
		expect(body).toMatchObject({
			token_type: 'bearer',
			access_token: expect.any(String),
			refresh_token: expect.any(String),
			expires_in: 3600,
		});

		const listed = await oauthRpc(body.access_token, 'tools/list');
		expect(listed.response.status).toBe(200);
		expect(listed.body.result.tools.map((t: { name: string }) => t.name)).toEqual(
			READ_ORDERS_TOOLS,
		);
		const called = await oauthRpc(body.access_token, 'tools/call', {
			name: 'list_all_e_desk_sales_orders',
			arguments: { limit: 1 },
		});
		expect(called.body.result.isError).toBeFalsy();
		expect(JSON.parse(called.body.result.content[0].text).items).toHaveLength(1);
		const write = await oauthRpc(body.access_token, 'tools/call', {
			name: 'create_a_e_desk_order_note',
			arguments: {},
		});
		expect(write.body.error).toEqual({
			code: -32602,
			message: 'Unknown tool: create_a_e_desk_order_note',
		});
	});

	it('accepts a bare token as the key as well as the whole MCP URL', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		const { tokens } = await signIn(server.token);
		expect((await oauthRpc(tokens.access_token, 'tools/list')).response.status).toBe(200);
	});

	it('opens a server that requires an API token on its URL: the OAuth token takes its place', async () => {
		const locked = await createTestServer({
			config: { methods: ['read'], require_api_token_auth: true },
		});
		expect((await rpc(locked.url, 'tools/list')).response.status).toBe(401);
		const { tokens } = await signIn(locked.url);
		expect((await oauthRpc(tokens.access_token, 'tools/list')).response.status).toBe(200);
	});

	it('refreshes, and the refreshed token opens the same server', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		const { clientId, tokens } = await signIn(server.url);
		const refreshed = await tokenRequest({
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token,
			client_id: clientId,
		});
		expect(refreshed.status).toBe(200);
		expect((await oauthRpc(refreshed.body.access_token, 'tools/list')).response.status).toBe(200);
	});
});

describe('refusals', () => {
	it('refuses a wrong resource with an error redirect (invalid_target)', async () => {
		const clientId = await registerClient();
		const { challenge } = await pkce();
		const page = await openConsent(
			authorizePath(clientId, challenge, { resource: 'https://other.example/mcp' }),
		);
		expect(page.response.status).toBe(302);
		const location = new URL(page.response.headers.get('location')!);
		expect(location.searchParams.get('error')).toBe('invalid_target');
		expect(location.searchParams.get('state')).toBe('state-123');
	});

	it('refuses a wrong PKCE verifier, and a code used twice', async () => {
		const server = await createTestServer();
		const clientId = await registerClient();
		const { verifier, challenge } = await pkce();
		const location = await consent(authorizePath(clientId, challenge), server.url);
		const code = location.searchParams.get('code')!;
		const exchange = (code_verifier: string) =>
			tokenRequest({
				grant_type: 'authorization_code',
				code,
				redirect_uri: REDIRECT_URI,
				client_id: clientId,
				code_verifier,
				resource: RESOURCE,
			});
		const wrong = await exchange((await pkce()).verifier);
		expect(wrong.status).toBe(400);
		expect(wrong.body.error).toBe('invalid_grant');
		// A failed attempt does not burn a code the real client can still use; once used, it is gone.
		const right = await exchange(verifier);
		expect(right.status).toBe(200);
		const again = await exchange(verifier);
		expect(again.status).toBe(400);
		expect(again.body.error).toBe('invalid_grant');
	});

	it('renders an unregistered redirect URI locally and never redirects to it', async () => {
		const clientId = await registerClient();
		const { challenge } = await pkce();
		const page = await openConsent(
			authorizePath(clientId, challenge, { redirect_uri: 'https://attacker.example/callback' }),
		);
		expect(page.status).toBe(400);
		expect(page.response.headers.get('location')).toBeNull();
		expect(page.html).toContain('Invalid redirect URI');
		expect(page.html).not.toContain('attacker.example');
	});

	it("refuses server A's token on server B", async () => {
		const a = await createTestServer({ config: { methods: ['read'], tags: ['orders'] } });
		const b = await createTestServer({
			config: { methods: ['read', 'write'], require_api_token_auth: true },
		});
		const { tokens } = await signIn(a.url);
		// On B's URL the OAuth token is no API token: 401.
		const onB = await rpc(b.url, 'tools/list', undefined, {
			authorization: `Bearer ${tokens.access_token}`,
		});
		expect(onB.response.status).toBe(401);
		// And on /mcp it opens A only: A's read tools, none of B's write tools.
		const listed = await oauthRpc(tokens.access_token, 'tools/list');
		expect(listed.body.result.tools.map((t: { name: string }) => t.name)).toEqual(
			READ_ORDERS_TOOLS,
		);
	});
});
