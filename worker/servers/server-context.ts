/** What an MCP server is for one request, once its record is known: its tool set, and tool calls against its account's eDesk. */
import { recordActivity } from '../activity/activity';
import {
	toFailure,
	toPayloadBytes,
	toRecordIds,
	type ActivityCaller,
	type ActivityEntry,
} from '../activity/activity-entry';
import { decryptSecret } from '../auth/credential-crypto';
import { deriveCursorKey } from '../auth/cursor-key';
import type { AccountRecord, McpServerRecord, ServerConfig } from '../auth/records';
import { RECORD_CACHE_TTL_MS } from '../auth/record-cache';
import { KV_PROPAGATION_MS, type TokenStore } from '../auth/token-store';
import type { Config } from '../config';
import { HttpError } from '../lib/errors';
import type { McpServerContext } from '../mcp/methods';
import { createEdeskClient, type EdeskClient } from '../proxy/edesk-client';
import { createUpstreamFetcher } from '../proxy/upstream-fetcher';
import { TOOL_CATALOG } from '../tools/catalog';
import { callTool, type ToolOutcome } from '../tools/execute';
import { filterTools } from '../tools/filter-tools';
import type { ToolSpec } from '../tools/tool-spec';

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

/** What building a server context needs besides its record. */
export interface ServerContextDeps {
	env: Env;
	ctx: ExecutionContext;
	config: Config;
	store: TokenStore;
	/** How the caller reached the server (for its activity log). */
	caller: ActivityCaller;
}

/** The server of `record` for one request: its filtered tools, and calls that reach eDesk lazily. */
export function createServerContext(
	record: McpServerRecord,
	deps: ServerContextDeps,
): McpServerContext {
	const { env, config, store } = deps;
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
		return deriveCursorKey(config.credentialKey, record.token_hash);
	};
	const run = async (spec: ToolSpec, args: unknown): Promise<ToolOutcome> => {
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
	};
	const log = (
		tool: string,
		outcome: Pick<ActivityEntry, 'outcome' | 'error_code' | 'status'>,
		at: number,
		extra: Partial<ActivityEntry> = {},
	): void => {
		recordActivity(deps.env, deps.ctx, record, {
			id: crypto.randomUUID(),
			at,
			tool: tool.slice(0, 100),
			...outcome,
			duration_ms: Date.now() - at,
			via: deps.caller.via,
			client_id: deps.caller.client_id ?? null,
			grant_id: deps.caller.grant_id ?? null,
			record_ids: {},
			payload_bytes: null,
			...extra,
		});
	};
	return {
		tools: toolsFor(record.config),
		toolsListTtlMs: TOOLS_LIST_TTL_MS,
		async callTool(spec, args) {
			const at = Date.now();
			const outcome = await run(spec, args);
			const failed = outcome.result.isError === true;
			log(
				spec.name,
				failed
					? { outcome: 'error', ...toFailure(outcome.result.content[0]?.text) }
					: { outcome: 'ok', error_code: null, status: null },
				at,
				{
					record_ids: toRecordIds(args),
					payload_bytes: spec.annotations.readOnlyHint ? null : toPayloadBytes(args),
				},
			);
			return outcome;
		},
		refuseTool(name) {
			// A name outside this server's tools (a write tool on a read-only server, say) is worth seeing.
			log(name, { outcome: 'refused', error_code: 'unknown_tool', status: null }, Date.now());
		},
	};
}
