/** Turns the URL token of `/mcp/<token>` into the MCP server it names: record, tool set and eDesk client. */
import { requireApiToken } from '../auth/bearer';
import { decryptSecret } from '../auth/credential-crypto';
import { deriveCursorKey } from '../auth/cursor-key';
import { sha256Hex, timingSafeEqualHex } from '../auth/hash';
import type { AccountRecord, ServerConfig } from '../auth/records';
import { RECORD_CACHE_TTL_MS } from '../auth/record-cache';
import { createTokenStore, KV_PROPAGATION_MS } from '../auth/token-store';
import type { Config } from '../config';
import { isExpired } from '../expiry/is-expired';
import { ensureExpiryScheduled } from '../expiry/schedule';
import { HttpError, toErrorResponse } from '../lib/errors';
import { notFound } from '../lib/http';
import type { McpServerContext } from '../mcp/methods';
import { createEdeskClient, type EdeskClient } from '../proxy/edesk-client';
import { createUpstreamFetcher } from '../proxy/upstream-fetcher';
import { TOOL_CATALOG } from '../tools/catalog';
import { callTool } from '../tools/execute';
import { filterTools } from '../tools/filter-tools';
import type { ToolSpec } from '../tools/tool-spec';

/** URL tokens look like `em_` + 43 base64url characters; anything else is refused without a KV read. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * How long a 2026-07-28 client may cache `tools/list`: a PATCHed filter reaches every isolate within
 * the record memo's lifetime plus KV's propagation, so a cached list is never staler than that.
 */
export const TOOLS_LIST_TTL_MS = RECORD_CACHE_TTL_MS + KV_PROPAGATION_MS;

const toolSets = new Map<string, readonly ToolSpec[]>();

/** The tool set of a config, computed once per distinct config per isolate. */
function toolsFor(config: ServerConfig): readonly ToolSpec[] {
	const key = JSON.stringify([config.methods, config.tags]);
	let tools = toolSets.get(key);
	if (!tools) {
		tools = Object.freeze(filterTools(TOOL_CATALOG, config));
		if (toolSets.size > 500) toolSets.clear();
		toolSets.set(key, tools);
	}
	return tools;
}

/**
 * Decrypted eDesk API tokens by account record. The token store hands out the same record object while
 * its isolate memo holds it, so a credential is decrypted once per memoised read, and a changed or
 * deleted account (a new record object) is decrypted afresh.
 */
const apiTokens = new WeakMap<AccountRecord, Promise<string>>();

function apiTokenOf(account: AccountRecord, credentialKey: string): Promise<string> {
	let token = apiTokens.get(account);
	if (!token) {
		token = decryptSecret(account.credential, credentialKey);
		token.catch(() => apiTokens.delete(account));
		apiTokens.set(account, token);
	}
	return token;
}

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
	const record = await store.getServerByTokenHash(tokenHash);
	// The record must name the hash it was found under (a misfiled record never serves another token).
	if (!record || !timingSafeEqualHex(record.token_hash, tokenHash)) return notFound();
	// Expired means gone at once, even while KV still holds the record (fails closed).
	if (isExpired(record, Date.now())) return notFound();
	if (record.expires_at && !record.expiry_scheduled)
		ctx.waitUntil(ensureExpiryScheduled(env, record));
	if (record.config.require_api_token_auth) {
		try {
			await requireApiToken(request, config, { scope: 'mcp', isRevoked: store.isApiTokenRevoked });
		} catch (error) {
			return toErrorResponse(error, request);
		}
	}
	const tools = toolsFor(record.config);
	let client: Promise<EdeskClient> | undefined;
	const getClient = (): Promise<EdeskClient> => {
		client ??= (async () => {
			const account = await store.getAccount(record.account_id);
			if (!account)
				throw new HttpError(
					404,
					'account_not_found',
					'The eDesk account of this MCP server is gone',
				);
			if (!config.credentialKey) throw new Error('CREDENTIAL_KEY is not configured');
			const apiToken = await apiTokenOf(account, config.credentialKey);
			return createEdeskClient({
				baseUrl: account.base_url,
				apiToken,
				fetcher: createUpstreamFetcher(env, account.base_url),
			});
		})();
		return client;
	};
	const cursorKey = (): Promise<CryptoKey> => {
		if (!config.credentialKey) return Promise.reject(new Error('CREDENTIAL_KEY is not configured'));
		return deriveCursorKey(config.credentialKey, tokenHash);
	};
	return {
		tools,
		toolsListTtlMs: TOOLS_LIST_TTL_MS,
		async callTool(spec, args) {
			let edesk: EdeskClient;
			try {
				edesk = await getClient();
			} catch (error) {
				const message =
					error instanceof HttpError
						? error.message
						: 'The eDesk account of this MCP server cannot be used';
				return {
					result: {
						isError: true,
						content: [
							{ type: 'text', text: JSON.stringify({ error: 'account_unavailable', message }) },
						],
					},
				};
			}
			return callTool(spec, args, { edesk, cursorKey });
		},
	};
}
