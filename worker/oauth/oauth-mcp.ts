/** The OAuth-protected MCP endpoint `/mcp`: the provider has checked the bearer token; this serves the server its grant names. */
import type { OAuthResourceContext } from '@cloudflare/workers-oauth-provider';
import { parseConfig } from '../config';
import { handleMcpRequest } from '../mcp/handler';
import { resolveOAuthServer } from '../servers/resolve-oauth-server';
import { isOAuthProps, type OAuthProps } from './oauth-props';
import { OAUTH_MCP_PATH, publicOrigin } from './provider';

/** MCP over OAuth: the same transport and tools as `/mcp/<token>`, for the grant's server. */
export async function handleOAuthMcp(
	request: Request,
	env: Env,
	ctx: OAuthResourceContext<OAuthProps>,
): Promise<Response> {
	const config = parseConfig(env);
	return handleMcpRequest(request, {
		allowedOrigins: config.allowedOrigins,
		resolve: async () => {
			// The grant id is the middle part of the provider's tokens (`<user>:<grant>:<secret>`).
			const caller = {
				via: 'oauth' as const,
				client_id: ctx.auth.clientId,
				grant_id: ctx.auth.token.split(':')[1],
			};
			const server = isOAuthProps(ctx.props)
				? await resolveOAuthServer(ctx.props, { env, ctx, config, caller })
				: null;
			return server ?? serverGone(env, request);
		},
	});
}

/** RFC 6750 §3.1: the token is fine, but what it opened is gone; a new sign-in is the way out. */
function serverGone(env: Env, request: Request): Response {
	const origin = publicOrigin(env, request.url);
	const description = 'The MCP server of this sign-in was revoked or has expired';
	return new Response(JSON.stringify({ error: 'invalid_token', error_description: description }), {
		status: 401,
		headers: {
			'content-type': 'application/json',
			'cache-control': 'no-store',
			'www-authenticate': `Bearer realm="OAuth", resource_metadata="${origin}/.well-known/oauth-protected-resource${OAUTH_MCP_PATH}", error="invalid_token", error_description="${description}"`,
		},
	});
}
