/** Requires `Authorization: Bearer <API token>` on a request (RFC 6750). Knows nothing of routes or KV. */
import type { Config } from '../config';
import { HttpError } from '../lib/errors';
import { verifyApiToken, type ApiPrincipal } from './jwt';

export type { ApiPrincipal } from './jwt';

/** The protection space named in every Bearer challenge. */
export const BEARER_REALM = 'edesk-mcp';

const BEARER_HEADER = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i;

/** The `WWW-Authenticate` value for a 401; without `description` it is a bare challenge. */
export function bearerChallenge(description?: string): string {
	// RFC 6750 §3.1: no error code when the request carried no credentials at all.
	if (description === undefined) return `Bearer realm="${BEARER_REALM}"`;
	return `Bearer realm="${BEARER_REALM}", error="invalid_token", error_description="${description.replace(/["\\]/g, '')}"`;
}

/**
 * What an API token may do: `admin` = the management API (and any MCP server); `mcp` = only MCP
 * servers created with require_api_token_auth (e.g. a token handed to a contractor's client).
 */
export type ApiScope = 'admin' | 'mcp';

/** What requireApiToken checks besides the token itself. */
export interface ApiTokenRequirement {
	/** The scope the route needs (`admin` tokens satisfy `mcp` too). */
	scope: ApiScope;
	/** True when the token's `jti` is on the deny-list (checked on every request, never memoised). */
	isRevoked: (tokenId: string) => Promise<boolean>;
}

/** Returns who called, or throws HttpError 401 (no, bad or revoked token) or 403 (token lacks the scope). */
export async function requireApiToken(
	request: Request,
	config: Config,
	requirement: ApiTokenRequirement,
): Promise<ApiPrincipal> {
	const { scope } = requirement;
	const header = request.headers.get('authorization');
	if (header === null || header.trim() === '') {
		throw new HttpError(
			401,
			'invalid_token',
			'An API token is required: send Authorization: Bearer <API token>',
			{
				headers: { 'www-authenticate': bearerChallenge() },
			},
		);
	}
	const match = BEARER_HEADER.exec(header);
	const token = match?.[1];
	if (!token) {
		return unauthorized('The Authorization header must be "Bearer <API token>"');
	}
	const result = await verifyApiToken(token, config);
	if (!result.ok) return unauthorized(result.description);
	if (await requirement.isRevoked(result.principal.tokenId)) {
		return unauthorized('The API token has been revoked');
	}
	const scopes = result.principal.scopes;
	if (!scopes.includes('admin') && !(scope === 'mcp' && scopes.includes('mcp'))) {
		// RFC 6750 §3.1: a valid token without the needed scope gets 403 insufficient_scope.
		throw new HttpError(403, 'insufficient_scope', `This API token lacks the "${scope}" scope`, {
			headers: {
				'www-authenticate': `Bearer realm="${BEARER_REALM}", error="insufficient_scope", scope="${scope}"`,
			},
		});
	}
	return result.principal;
}

function unauthorized(description: string): never {
	throw new HttpError(401, 'invalid_token', description, {
		headers: { 'www-authenticate': bearerChallenge(description) },
	});
}
