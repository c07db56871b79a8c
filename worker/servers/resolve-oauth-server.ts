/** Turns the grant of an OAuth access token into the one MCP server it opens, checked on every request as a URL token is. */
import type { ActivityCaller } from '../activity/activity-entry';
import { createTokenStore } from '../auth/token-store';
import type { Config } from '../config';
import type { McpServerContext } from '../mcp/methods';
import type { OAuthProps } from '../oauth/oauth-props';
import { findLiveServer } from './live-server';
import { createServerContext } from './server-context';

/**
 * The server of `props`, or null when it was revoked or has expired (the caller answers 401 so the
 * client signs in again). Its filters apply as on its URL; `require_api_token_auth` is satisfied by
 * the OAuth token itself.
 */
export async function resolveOAuthServer(
	props: OAuthProps,
	request: { env: Env; ctx: ExecutionContext; config: Config; caller: ActivityCaller },
): Promise<McpServerContext | null> {
	const { env, ctx, config, caller } = request;
	const store = createTokenStore(env.TOKENS);
	const record = await findLiveServer(store, props.token_hash);
	if (!record || record.id !== props.server_id) return null;
	return createServerContext(record, { env, ctx, config, store, caller });
}
