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

const originEnvs = new WeakMap<Env, Map<string, Env>>();

/**
 * The env a provider of `origin` sees. The provider puts its helpers on the env it is given (once: it
 * keeps what it finds there), so each origin (one in production; the request's in development) gets
 * its own env object, which reads every binding through from the Worker's.
 */
function envFor(env: Env, origin: string): Env {
	let byOrigin = originEnvs.get(env);
	if (!byOrigin) {
		byOrigin = new Map();
		originEnvs.set(env, byOrigin);
	}
	let derived = byOrigin.get(origin);
	if (!derived) {
		derived = Object.create(env) as Env;
		// Its own (empty) slot, so helpers found on the Worker's env are never taken for this origin's.
		Object.defineProperty(derived, 'OAUTH_PROVIDER', {
			value: undefined,
			writable: true,
			enumerable: false,
			configurable: true,
		});
		if (byOrigin.size >= 16) byOrigin.clear();
		byOrigin.set(origin, derived);
	}
	return derived;
}

/** The Worker's fetch handler. */
export async function handleRequest(
	request: Request,
	env: Env,
	ctx: ExecutionContext,
): Promise<Response> {
	if (PATH_TOKEN_URL.test(request.url)) return router.fetch(request, env, ctx);
	const origin = publicOrigin(env, request.url);
	const response = await providerFor(origin, handlers).fetch(request, envFor(env, origin), ctx);
	// The provider's bare 404 (a metadata path of no resource, such as one under a path-token URL)
	// reads like every other 404 of this Worker.
	if (response.status === 404 && !response.headers.has('content-type')) return notFound();
	return response;
}
