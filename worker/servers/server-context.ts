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
import type { AccountRecord, McpServerRecord } from '../auth/records';
import { RECORD_CACHE_TTL_MS } from '../auth/record-cache';
import { KV_PROPAGATION_MS, type TokenStore } from '../auth/token-store';
import { requireCredentialKey, type Config } from '../config';
import { HttpError } from '../lib/errors';
import type { McpServerContext } from '../mcp/methods';
import { createEdeskClient, type EdeskClient } from '../proxy/edesk-client';
import { createUpstreamFetcher } from '../proxy/upstream-fetcher';
import {
	checkMetaArgs,
	discoveryOf,
	findMetaTool,
	GET_TOOL_SCHEMA,
	META_TOOL_NAMES,
	notListed,
	resolveCallTool,
	runGetToolSchema,
	runSearchTools,
	SEARCH_TOOLS,
	type Discovery,
} from '../tools/discovery/meta-tools';
import { callTool, type ToolOutcome } from '../tools/execute';
import { toolsFor } from '../tools/filter-tools';
import { toolError, type CallToolResult } from '../tools/tool-error';
import type { ToolSpec } from '../tools/tool-spec';

/**
 * How long a 2026-07-28 client may cache `tools/list`: a PATCHed filter reaches every isolate within
 * the record memo's lifetime plus KV's propagation, so a cached list is never staler than that.
 */
export const TOOLS_LIST_TTL_MS = RECORD_CACHE_TTL_MS + KV_PROPAGATION_MS;

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
			const apiToken = await apiTokenOf(account, requireCredentialKey(config));
			return createEdeskClient({
				baseUrl: account.base_url,
				apiToken,
				fetcher: createUpstreamFetcher(env, account.base_url),
			});
		})();
		return client;
	};
	const cursorKey = async (): Promise<CryptoKey> =>
		deriveCursorKey(requireCredentialKey(config), record.token_hash);
	const run = async (spec: ToolSpec, args: unknown): Promise<ToolOutcome> => {
		let edesk: EdeskClient;
		try {
			edesk = await getClient();
		} catch (error) {
			const message =
				error instanceof HttpError
					? error.message
					: 'The eDesk account of this MCP server cannot be used';
			return { result: toolError({ error: 'account_unavailable', message }) };
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
	const tools = toolsFor(record.config);
	/** Runs one of the server's tools and records it under its own name, however it was reached. */
	const runTool = async (spec: ToolSpec, args: unknown): Promise<ToolOutcome> => {
		const at = Date.now();
		const outcome = await run(spec, args);
		log(spec.name, outcomeOf(outcome), at, {
			record_ids: toRecordIds(args),
			payload_bytes: spec.annotations.readOnlyHint ? null : toPayloadBytes(args),
		});
		return outcome;
	};
	/** A name outside this server's tools (a write tool on a read-only server, say) is worth seeing. */
	const refuse = (name: string, errorCode = 'unknown_tool'): void =>
		log(name, { outcome: 'refused', error_code: errorCode, status: null }, Date.now());
	if (record.config.tool_exposure === 'discovery') {
		return discoveryContext(discoveryOf(tools), { runTool, refuse, log });
	}
	return {
		tools,
		toolsListTtlMs: TOOLS_LIST_TTL_MS,
		callTool(name, args) {
			const spec = tools.find((t) => t.name === name);
			if (!spec) {
				refuse(name);
				return undefined;
			}
			return runTool(spec, args);
		},
	};
}

/** The activity fields of a finished call. */
function outcomeOf(outcome: ToolOutcome): Pick<ActivityEntry, 'outcome' | 'error_code' | 'status'> {
	return outcome.result.isError === true
		? { outcome: 'error', ...toFailure(outcome.result.content[0]?.text) }
		: { outcome: 'ok', error_code: null, status: null };
}

/** What the discovery face of a server needs from its context. */
interface DiscoveryDeps {
	runTool(spec: ToolSpec, args: unknown): Promise<ToolOutcome>;
	refuse(name: string, errorCode?: string): void;
	log(
		tool: string,
		outcome: Pick<ActivityEntry, 'outcome' | 'error_code' | 'status'>,
		at: number,
	): void;
}

/**
 * A discovery server: tools/list holds search_tools, get_tool_schema and call_tool. call_tool runs a
 * tool of the server through the same path as a direct call on an `all` server (so the same result,
 * rate-limit figures and activity record under the tool's own name); a direct call of one of its
 * tools is refused with a pointer to call_tool.
 */
function discoveryContext(discovery: Discovery, deps: DiscoveryDeps): McpServerContext {
	const answer = (tool: string, at: number, result: CallToolResult): Promise<ToolOutcome> => {
		const outcome = { result };
		deps.log(tool, outcomeOf(outcome), at);
		return Promise.resolve(outcome);
	};
	return {
		tools: discovery.listed,
		toolsListTtlMs: TOOLS_LIST_TTL_MS,
		unknownToolHint: `This server lists ${META_TOOL_NAMES.join(', ')}: find tools with ${SEARCH_TOOLS}`,
		callTool(name, args) {
			const at = Date.now();
			const meta = findMetaTool(discovery, name);
			if (!meta) {
				if (!discovery.byName.has(name)) {
					deps.refuse(name);
					return undefined;
				}
				// One of its tools, called directly: not a silent success, and a pointer to call_tool.
				deps.refuse(name, 'use_call_tool');
				return Promise.resolve({ result: notListed(name) });
			}
			const checked = checkMetaArgs(meta, args);
			if (!checked.ok) return answer(name, at, checked.result);
			switch (name) {
				case SEARCH_TOOLS:
					return answer(name, at, runSearchTools(discovery, checked.value));
				case GET_TOOL_SCHEMA:
					return answer(name, at, runGetToolSchema(discovery, checked.value));
				default: {
					const target = resolveCallTool(discovery, checked.value);
					if (!target.ok) {
						deps.refuse(target.name);
						return Promise.resolve({ result: target.result });
					}
					return deps.runTool(target.tool, target.args);
				}
			}
		},
	};
}
