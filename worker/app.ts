/**
 * How a request reaches its handler: path-token MCP URLs (`/mcp/<token>`) go straight to the router,
 * before any OAuth code runs (they stay as fast as they were); everything else goes through the OAuth
 * provider, which serves its own endpoints and `/mcp` and hands the rest to the same router.
 */
import { notFound } from './lib/http';
import { handleOAuthMcp } from './oauth/oauth-mcp';
import { providerFor, publicOrigin, type OAuthHandlers } from './oauth/provider';
import { router } from './router';

const PATH_TOKEN_URL = /^https?:\/\/[^/]+\/mcp\//;

const handlers: OAuthHandlers = {
	mcp: handleOAuthMcp,
	fallback: (request, env, ctx) => router.fetch(request, env, ctx),
};

/** The Worker's fetch handler. */
export async function handleRequest(
	request: Request,
	env: Env,
	ctx: ExecutionContext,
): Promise<Response> {
	if (PATH_TOKEN_URL.test(request.url)) return router.fetch(request, env, ctx);
	const response = await providerFor(publicOrigin(env, request.url), handlers).fetch(
		request,
		env,
		ctx,
	);
	// The provider's bare 404 (a metadata path of no resource, such as one under a path-token URL)
	// reads like every other 404 of this Worker.
	if (response.status === 404 && !response.headers.has('content-type')) return notFound();
	return response;
}
