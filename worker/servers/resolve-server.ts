/** Turns the URL token of `/mcp/<token>` into the MCP server it names, or the refusal to send. */
import { requireApiToken } from '../auth/bearer';
import { sha256Hex } from '../auth/hash';
import { createTokenStore } from '../auth/token-store';
import type { Config } from '../config';
import { ensureExpiryScheduled } from '../expiry/schedule';
import { toErrorResponse } from '../lib/errors';
import { notFound } from '../lib/http';
import type { McpServerContext } from '../mcp/methods';
import { findLiveServer } from './live-server';
import { createServerContext } from './server-context';

/** URL tokens look like `em_` + 43 base64url characters; anything else is refused without a KV read. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/** Resolves `token` for one request; a Response is the refusal to send (404 unknown/expired, 401). */
export async function resolveServer(
	token: string,
	request: Request,
	env: Env,
	ctx: ExecutionContext,
	config: Config,
): Promise<McpServerContext | Response> {
	if (!TOKEN_SHAPE.test(token)) return notFound();
	const tokenHash = await sha256Hex(token);
	const store = createTokenStore(env.TOKENS);
	const record = await findLiveServer(store, tokenHash);
	if (!record) return notFound();
	if (record.expires_at && !record.expiry_scheduled)
		ctx.waitUntil(ensureExpiryScheduled(env, record));
	if (record.config.require_api_token_auth) {
		try {
			await requireApiToken(request, config, { scope: 'mcp', isRevoked: store.isApiTokenRevoked });
		} catch (error) {
			return toErrorResponse(error, request);
		}
	}
	return createServerContext(record, { env, ctx, config, store, caller: { via: 'url' } });
}
