/**
 * No OAuth token outlives its MCP server: every code exchange and refresh reads the server's record
 * afresh, refuses (and so revokes the grant) when it is gone or expired, and caps the access token and
 * the grant at its `expires_at`.
 */
import {
	GrantType,
	OAuthError,
	type TokenExchangeCallbackOptions,
	type TokenExchangeCallbackResult,
} from '@cloudflare/workers-oauth-provider';
import { createTokenStore, KV_MIN_TTL_SECONDS } from '../auth/token-store';
import { isExpired } from '../expiry/is-expired';
import { isOAuthProps } from './oauth-props';

/** Access tokens live an hour at most (less when their server expires sooner). */
export const ACCESS_TOKEN_TTL_SECONDS = 3_600;
/** A grant (its refresh token) lives 30 days from its last use at most (less when its server expires sooner). */
export const GRANT_TTL_SECONDS = 30 * 86_400;

/** The provider's tokenExchangeCallback. Throwing `invalid_grant` also revokes the grant. */
export async function capTokenLifetimes(
	options: TokenExchangeCallbackOptions<Env>,
): Promise<TokenExchangeCallbackResult | undefined> {
	const props = options.props;
	if (!isOAuthProps(props)) throw revoked();
	const record = await createTokenStore(options.env.TOKENS).getServer(
		props.account_id,
		props.server_id,
	);
	const now = Date.now();
	if (!record || record.token_hash !== props.token_hash || isExpired(record, now)) throw revoked();
	const remaining =
		record.expires_at === null
			? Infinity
			: Math.floor((Date.parse(record.expires_at) - now) / 1000);
	if (remaining < KV_MIN_TTL_SECONDS) throw revoked();
	const accessTokenTTL = Math.min(ACCESS_TOKEN_TTL_SECONDS, remaining);
	const grantTTL = Math.min(GRANT_TTL_SECONDS, remaining);
	if (options.grantType === GrantType.AUTHORIZATION_CODE)
		return { accessTokenTTL, refreshTokenTTL: grantTTL };
	// A refresh slides the grant 30 days on (never past the server's expiry).
	if (options.grantType === GrantType.REFRESH_TOKEN)
		return { accessTokenTTL, refreshTokenIdleTTL: grantTTL };
	return { accessTokenTTL };
}

function revoked(): OAuthError {
	return new OAuthError('invalid_grant', {
		description: 'The MCP server of this authorization was revoked or has expired',
	});
}
