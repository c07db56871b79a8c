/** API-token (JWT) verification: HS256 with JWT_SECRET, or a remote JWKS. The only importer of jose; knows nothing of HTTP. */
import {
	createRemoteJWKSet,
	decodeProtectedHeader,
	errors,
	jwtVerify,
	type JWTPayload,
} from 'jose';
import type { Config } from '../config';

/** Who called with a valid API token. */
export interface ApiPrincipal {
	/** The token's `sub` claim (who the token was minted for). */
	subject: string;
	/** The token's `exp` claim, in seconds since the epoch. */
	expiresAt: number;
	/** The token's `scope` claim (space-separated string or array), e.g. `admin` or `mcp`. */
	scopes: readonly string[];
	/** The token's `jti` claim: the id it can be revoked by. */
	tokenId: string;
}

/** What a `jti` may look like (a UUID fits); it names a KV key of the deny-list. */
export const TOKEN_ID_SHAPE = /^[A-Za-z0-9._-]{1,128}$/;

/** Why a token was refused; `description` is safe to show the caller. */
export type ApiTokenResult =
	{ ok: true; principal: ApiPrincipal } | { ok: false; description: string };

/** Signature algorithms accepted from a JWKS (asymmetric only; HS256 needs JWT_SECRET). */
const JWKS_ALGORITHMS = [
	'RS256',
	'RS384',
	'RS512',
	'PS256',
	'PS384',
	'PS512',
	'ES256',
	'ES384',
	'EdDSA',
];
/** Allowed clock skew between the minter and the Worker. */
const CLOCK_TOLERANCE_SECONDS = 30;

const encoder = new TextEncoder();
const remoteKeySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function remoteKeySet(url: string): ReturnType<typeof createRemoteJWKSet> {
	let set = remoteKeySets.get(url);
	if (!set) {
		set = createRemoteJWKSet(new URL(url));
		remoteKeySets.set(url, set);
	}
	return set;
}

/** Verifies signature, `exp`, `iss` and `aud` of an API token against the configured keys. */
export async function verifyApiToken(token: string, config: Config): Promise<ApiTokenResult> {
	if (!config.jwtSecret && !config.jwksUrl) {
		// A deployment bug, not the caller's: becomes a logged generic 500.
		throw new Error('API token verification is not configured: set JWT_SECRET or JWKS_URL');
	}
	let alg: string | undefined;
	try {
		const header = decodeProtectedHeader(token);
		// RFC 7515 §4.1.11: this server understands no critical header extensions.
		if ('crit' in header) return { ok: false, description: 'The API token is malformed' };
		alg = header.alg;
	} catch {
		return { ok: false, description: 'The API token is not a JWT' };
	}
	const claims = {
		issuer: config.jwtIssuer,
		audience: config.jwtAudience,
		requiredClaims: ['exp', 'sub', 'iat', 'jti'],
		clockTolerance: CLOCK_TOLERANCE_SECONDS,
	};
	try {
		let payload: JWTPayload;
		if (alg === 'HS256' && config.jwtSecret) {
			const secret = encoder.encode(config.jwtSecret);
			({ payload } = await jwtVerify(token, secret, { ...claims, algorithms: ['HS256'] }));
		} else if (alg !== undefined && config.jwksUrl && JWKS_ALGORITHMS.includes(alg)) {
			const keys = remoteKeySet(config.jwksUrl);
			({ payload } = await jwtVerify(token, keys, { ...claims, algorithms: JWKS_ALGORITHMS }));
		} else {
			return {
				ok: false,
				description: 'The API token is signed with an algorithm this server does not accept',
			};
		}
		const problem = checkLifetime(payload, config, Math.floor(Date.now() / 1000));
		if (problem) return { ok: false, description: problem };
		return {
			ok: true,
			principal: {
				subject: payload.sub as string,
				expiresAt: payload.exp as number,
				scopes: toScopes(payload.scope),
				tokenId: payload.jti as string,
			},
		};
	} catch (error) {
		return { ok: false, description: describeJoseError(error) };
	}
}

/**
 * What jose leaves to the caller: one audience (not a list), an `iat` that is not in the future, a
 * lifetime (exp - iat) within API_TOKEN_MAX_TTL_DAYS, and a `jti` to revoke it by. Null when all hold.
 */
function checkLifetime(payload: JWTPayload, config: Config, now: number): string | null {
	if (typeof payload.sub !== 'string' || payload.sub === '' || typeof payload.exp !== 'number') {
		return 'The API token has no subject or expiry';
	}
	if (typeof payload.aud !== 'string') return 'The API token must name exactly one audience';
	if (typeof payload.iat !== 'number' || payload.iat > now + CLOCK_TOLERANCE_SECONDS) {
		return 'The API token was issued in the future';
	}
	if (payload.exp - payload.iat > config.apiTokenMaxTtlSeconds) {
		const days = Math.round(config.apiTokenMaxTtlSeconds / 86_400);
		return `The API token lives longer than the ${days}-day maximum (API_TOKEN_MAX_TTL_DAYS)`;
	}
	if (typeof payload.jti !== 'string' || !TOKEN_ID_SHAPE.test(payload.jti)) {
		return 'The API token has no valid jti (token id)';
	}
	return null;
}

/** The `scope` claim as a list (RFC 8693 §4.2 space-separated string; an array is accepted too). */
function toScopes(claim: unknown): string[] {
	if (typeof claim === 'string') return claim.split(' ').filter(Boolean);
	if (Array.isArray(claim)) return claim.filter((s): s is string => typeof s === 'string');
	return [];
}

/** Maps a jose failure to a short public reason (never echoing the token). */
function describeJoseError(error: unknown): string {
	if (error instanceof errors.JWTExpired) return 'The API token has expired';
	if (error instanceof errors.JWTClaimValidationFailed) {
		switch (error.claim) {
			case 'iss':
				return 'The API token was issued by an issuer this server does not accept';
			case 'aud':
				return 'The API token is for a different audience (environment)';
			case 'nbf':
				return 'The API token is not valid yet';
			default:
				return `The API token's ${error.claim} claim is missing or invalid`;
		}
	}
	if (error instanceof errors.JWSSignatureVerificationFailed)
		return 'The API token signature is invalid';
	if (error instanceof errors.JWKSNoMatchingKey)
		return 'The API token was signed with an unknown key';
	if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
		return 'The API token could not be checked against the key set; try again';
	}
	return 'The API token is malformed';
}
