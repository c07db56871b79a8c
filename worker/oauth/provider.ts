/**
 * The OAuth 2.1 authorization server and protected resource of edesk-mcp, built on
 * @cloudflare/workers-oauth-provider (the only user of the OAUTH_KV binding, through that library).
 * `/mcp` is the protected resource; the provider serves its metadata, token and registration
 * endpoints; the consent page (`/authorize`) and everything else go to the router.
 */
import {
	getOAuthApi,
	OAuthProvider,
	type OAuthHelpers,
	type OAuthProviderOptions,
	type OAuthResourceContext,
} from '@cloudflare/workers-oauth-provider';
import { parseConfig } from '../config';
import type { OAuthProps } from './oauth-props';
import { ACCESS_TOKEN_TTL_SECONDS, capTokenLifetimes, GRANT_TTL_SECONDS } from './token-lifetimes';

/** The OAuth-protected MCP endpoint (no secret in its path). */
export const OAUTH_MCP_PATH = '/mcp';
/** Where the consent page lives (served by the router). */
export const AUTHORIZE_PATH = '/authorize';
/** Token (and RFC 7009 revocation) endpoint, and RFC 7591 dynamic client registration. */
export const TOKEN_PATH = '/oauth/token';
export const REGISTER_PATH = '/oauth/register';
/** `mcp` opens the server a grant names; `offline_access` is what clients ask for with refresh tokens. */
export const OAUTH_SCOPES = ['mcp', 'offline_access'] as const;

/** The handlers the provider hands requests to. */
export interface OAuthHandlers {
	/** The MCP endpoint, once the provider has checked the bearer token. */
	mcp: (request: Request, env: Env, ctx: OAuthResourceContext<OAuthProps>) => Promise<Response>;
	/** Everything the provider does not own: the router. */
	fallback: (request: Request, env: Env, ctx: ExecutionContext) => Promise<Response>;
}

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
const DEVELOPMENT_ORIGIN = 'http://127.0.0.1:8787';

/**
 * The public origin of this deployment: PUBLIC_URL, or (development only) the request's, if it can be
 * an OAuth resource (https, or http on a loopback host); a spoofed Host of anything else falls back to
 * the local default rather than failing.
 */
export function publicOrigin(env: Env, requestUrl?: string): string {
	const configured = parseConfig(env).publicUrl;
	if (configured) return configured;
	if (!requestUrl) return DEVELOPMENT_ORIGIN;
	const url = new URL(requestUrl);
	return url.protocol === 'https:' || LOOPBACK_HOST.test(url.hostname)
		? url.origin
		: DEVELOPMENT_ORIGIN;
}

/** The provider's options for the deployment at `origin` (the resource is `<origin>/mcp`). */
export function oauthOptions(origin: string, handlers: OAuthHandlers): OAuthProviderOptions<Env> {
	return {
		apiRoute: OAUTH_MCP_PATH,
		apiHandler: {
			fetch: (request, env, ctx) =>
				handlers.mcp(request, env, ctx as OAuthResourceContext<OAuthProps>),
		},
		defaultHandler: {
			fetch: (request, env, ctx) => handlers.fallback(request as Request, env, ctx),
		},
		authorizeEndpoint: AUTHORIZE_PATH,
		tokenEndpoint: TOKEN_PATH,
		clientRegistrationEndpoint: REGISTER_PATH,
		scopesSupported: [...OAUTH_SCOPES],
		requiredScopes: ['mcp'],
		resourceMetadata: { resource: `${origin}${OAUTH_MCP_PATH}`, resource_name: 'eDesk MCP' },
		// MCP 2026-07-28 authorization: Client ID Metadata Documents are the preferred registration.
		clientIdMetadataDocumentEnabled: true,
		accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
		refreshTokenTTL: GRANT_TTL_SECONDS,
		tokenExchangeCallback: capTokenLifetimes,
		onError: ({ status, code, internal }) => {
			// Codes and categories only: descriptions may echo client input.
			console.warn(
				JSON.stringify({
					msg: 'oauth error',
					status,
					code,
					category: internal.category,
					reason: internal.reason,
				}),
			);
		},
	};
}

const providers = new Map<string, OAuthProvider<Env>>();

/** The provider of `origin` (one per origin in development, where the origin comes from the request). */
export function providerFor(origin: string, handlers: OAuthHandlers): OAuthProvider<Env> {
	let provider = providers.get(origin);
	if (!provider) {
		provider = new OAuthProvider(oauthOptions(origin, handlers));
		if (providers.size >= 16) providers.clear();
		providers.set(origin, provider);
	}
	return provider;
}

const apis = new WeakMap<Env, OAuthHelpers>();

/**
 * The OAuth helpers outside a request (grant listing and revocation), for the deployment's origin:
 * built once per env. They get an env object of their own, so nothing the library keeps on it is
 * ever found on the Worker's env by a request of another origin.
 */
export function oauthApi(env: Env): OAuthHelpers {
	let api = apis.get(env);
	if (!api) {
		const unused = async (): Promise<Response> => new Response(null, { status: 404 });
		api = getOAuthApi(
			oauthOptions(publicOrigin(env), { mcp: unused, fallback: unused }),
			Object.create(env) as Env,
		);
		apis.set(env, api);
	}
	return api;
}

/** The helpers the provider put on `env` for the request it is handling (`/authorize`). */
export function requestOAuthApi(env: Env): OAuthHelpers {
	const helpers = (env as Env & { OAUTH_PROVIDER?: OAuthHelpers }).OAUTH_PROVIDER;
	if (!helpers)
		throw new Error(
			'OAUTH_PROVIDER is missing: the request did not come through the OAuth provider',
		);
	return helpers;
}
