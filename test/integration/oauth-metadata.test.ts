/**
 * The OAuth-protected MCP endpoint `/mcp` and its discovery documents (RFC 9728 protected
 * resource metadata, RFC 8414 authorization server metadata), as MCP 2026-07-28 authorization asks.
 */
import { describe, expect, it } from 'vitest';
import { OAUTH_ORIGIN, RESOURCE, send } from '../helpers/oauth';

describe('POST /mcp without a bearer token', () => {
	it('answers 401 with a Bearer challenge naming the resource metadata', async () => {
		const response = await send('/mcp', {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
		});
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toBe(
			`Bearer realm="OAuth", resource_metadata="${OAUTH_ORIGIN}/.well-known/oauth-protected-resource/mcp", scope="mcp"`,
		);
	});
});

describe('discovery documents', () => {
	it('serves the protected resource metadata at its path-suffixed well-known URL', async () => {
		const response = await send('/.well-known/oauth-protected-resource/mcp');
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({
			resource: RESOURCE,
			authorization_servers: [OAUTH_ORIGIN],
			scopes_supported: ['mcp'],
			bearer_methods_supported: ['header'],
		});
	});

	it('serves authorization server metadata with S256 only, CIMD, registration and iss in responses', async () => {
		const response = await send('/.well-known/oauth-authorization-server');
		expect(response.status).toBe(200);
		const metadata = (await response.json()) as Record<string, unknown>;
		expect(metadata).toMatchObject({
			issuer: OAUTH_ORIGIN,
			authorization_endpoint: `${OAUTH_ORIGIN}/authorize`,
			token_endpoint: `${OAUTH_ORIGIN}/oauth/token`,
			registration_endpoint: `${OAUTH_ORIGIN}/oauth/register`,
			response_types_supported: ['code'],
			code_challenge_methods_supported: ['S256'],
			client_id_metadata_document_supported: true,
			authorization_response_iss_parameter_supported: true,
			scopes_supported: ['mcp', 'offline_access'],
		});
		expect(metadata.grant_types_supported).toEqual(
			expect.arrayContaining(['authorization_code', 'refresh_token']),
		);
	});

	it('answers the probes under a path-token URL with a fast JSON 404, as before', async () => {
		for (const path of [
			'/.well-known/oauth-protected-resource/mcp/em_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
			'/.well-known/oauth-authorization-server/mcp/em_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
			'/mcp/em_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/.well-known/oauth-protected-resource',
		]) {
			const response = await send(path);
			expect(response.status, path).toBe(404);
			expect(response.headers.get('content-type'), path).toBe('application/json');
			expect(response.headers.get('www-authenticate'), path).toBeNull();
		}
	});
});
