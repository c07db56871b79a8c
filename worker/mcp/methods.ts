/** MCP methods of a tools-only stateless server, per era. Knows nothing of HTTP, KV or eDesk. */
import type { ToolOutcome } from '../tools/execute';
import { toToolsListResult, type ListedTool } from '../tools/wire-tool';
import type { Era } from './era';
import { RpcError, RpcErrorCode, type RpcId } from './jsonrpc';
import {
	DISCOVER_TTL_MS,
	isLegacyVersion,
	LEGACY_PROTOCOL_VERSIONS,
	META,
	MODERN_CAPABILITIES,
	SERVER_CAPABILITIES,
	SERVER_INFO,
	SERVER_INSTRUCTIONS,
	SUPPORTED_PROTOCOL_VERSIONS,
} from './protocol';

/** What the methods need from the resolved MCP server. */
export interface McpServerContext {
	/**
	 * What tools/list holds, in catalogue order: the server's tools (already filtered by its config),
	 * or a discovery server's three meta-tools. The same array for the same tool set.
	 */
	tools: readonly ListedTool[];
	/** How long a 2026-07-28 client may cache `tools/list` (until a filter change is seen everywhere). */
	toolsListTtlMs: number;
	/**
	 * Runs tools/call of `name`; undefined when this server has no tool of that name, which is
	 * answered as unknown (the context notes the refusal).
	 */
	callTool(
		name: string,
		args: Record<string, unknown>,
		progress: ProgressSink | undefined,
	): Promise<ToolOutcome> | undefined;
	/** Added to the message of an unknown tool (a discovery server points to search_tools). */
	unknownToolHint?: string;
}

/** Receives "still working" ticks while a tool call is outstanding. */
export type ProgressSink = (message: string) => void;

/** One request to run: its id, method and params, and the era it was classified into. */
export interface MethodCall {
	id: RpcId;
	method: string;
	params: Record<string, unknown> | undefined;
	era: Era;
}

export interface MethodOutcome {
	result: unknown;
	/** Notifications that go out on the response stream before the result (subscriptions/listen). */
	leading?: unknown[];
	rateLimit?: ToolOutcome['rateLimit'];
}

/** Methods of each era; anything else is "Method not found" (404 in 2026-07-28). */
const LEGACY_METHODS = new Set([
	'initialize',
	'ping',
	'tools/list',
	'tools/call',
	'server/discover',
]);
const MODERN_METHODS = new Set([
	'server/discover',
	'tools/list',
	'tools/call',
	'subscriptions/listen',
]);

const serverInfoMeta = { [META.serverInfo]: SERVER_INFO } as const;

/** `server/discover`, the same in both eras: every version of both, so a probing client finds the tools. */
const DISCOVER_RESULT = Object.freeze({
	resultType: 'complete',
	supportedVersions: SUPPORTED_PROTOCOL_VERSIONS,
	capabilities: MODERN_CAPABILITIES,
	instructions: SERVER_INSTRUCTIONS,
	ttlMs: DISCOVER_TTL_MS,
	cacheScope: 'public',
	_meta: serverInfoMeta,
});

/** Dispatches one request. Throws RpcError for protocol errors. */
export async function runMethod(
	call: MethodCall,
	server: McpServerContext,
	progress: ProgressSink | undefined,
): Promise<MethodOutcome> {
	const modern = call.era.kind === 'modern';
	if (!(modern ? MODERN_METHODS : LEGACY_METHODS).has(call.method)) {
		throw new RpcError(
			RpcErrorCode.MethodNotFound,
			`Method not found: ${call.method.slice(0, 100)}`,
		);
	}
	switch (call.method) {
		case 'initialize':
			return { result: initializeResult(call.params) };
		case 'ping':
			return { result: {} };
		case 'server/discover':
			return { result: DISCOVER_RESULT };
		case 'tools/list':
			return { result: toolsList(call.params, server, modern) };
		case 'tools/call': {
			const outcome = await callTool(call.params, server, progress);
			return {
				result: modern ? complete(outcome.result) : outcome.result,
				rateLimit: outcome.rateLimit,
			};
		}
		case 'subscriptions/listen':
			return listen(call);
		default:
			throw new RpcError(
				RpcErrorCode.MethodNotFound,
				`Method not found: ${call.method.slice(0, 100)}`,
			);
	}
}

function initializeResult(params: Record<string, unknown> | undefined): unknown {
	const requested = params?.protocolVersion;
	const protocolVersion =
		typeof requested === 'string' && isLegacyVersion(requested)
			? requested
			: LEGACY_PROTOCOL_VERSIONS[0];
	return {
		protocolVersion,
		capabilities: SERVER_CAPABILITIES,
		serverInfo: SERVER_INFO,
		instructions: SERVER_INSTRUCTIONS,
	};
}

const legacyLists = new WeakMap<readonly ListedTool[], unknown>();
const modernLists = new WeakMap<readonly ListedTool[], unknown>();

/** The tools in catalogue order (fixed, so the same set always lists the same way), built once per tool set. */
function toolsList(
	params: Record<string, unknown> | undefined,
	server: McpServerContext,
	modern: boolean,
): unknown {
	// MCP pagination §: an invalid cursor SHOULD get -32602; this server never issues one.
	if (params?.cursor !== undefined && params.cursor !== null) {
		throw new RpcError(RpcErrorCode.InvalidParams, 'Invalid cursor: tools/list is not paginated');
	}
	const cache = modern ? modernLists : legacyLists;
	let result = cache.get(server.tools);
	if (!result) {
		const list = toToolsListResult(server.tools);
		// MCP 2026-07-28 server/utilities/caching: a tool set belongs to one token, so it is private.
		result = modern
			? { ...complete(list), ttlMs: server.toolsListTtlMs, cacheScope: 'private' }
			: list;
		cache.set(server.tools, result);
	}
	return result;
}

async function callTool(
	params: Record<string, unknown> | undefined,
	server: McpServerContext,
	progress: ProgressSink | undefined,
): Promise<ToolOutcome> {
	const name = params?.name;
	if (typeof name !== 'string')
		throw new RpcError(RpcErrorCode.InvalidParams, 'tools/call needs params.name (a string)');
	const args = params?.arguments;
	if (args !== undefined && args !== null && (typeof args !== 'object' || Array.isArray(args))) {
		throw new RpcError(RpcErrorCode.InvalidParams, 'tools/call params.arguments must be an object');
	}
	// Only tools of this server are callable, whatever name the client sends.
	const outcome = server.callTool(name, (args ?? {}) as Record<string, unknown>, progress);
	if (!outcome) {
		const hint = server.unknownToolHint ? `. ${server.unknownToolHint}` : '';
		throw new RpcError(RpcErrorCode.InvalidParams, `Unknown tool: ${name.slice(0, 100)}${hint}`);
	}
	return outcome;
}

/**
 * `subscriptions/listen` (basic/patterns/subscriptions): acknowledged with the subset honoured, then
 * ended at once with its result. This server offers no list-changed notifications (README, "The MCP
 * endpoint"), so the honoured subset is empty and no stream is held open.
 */
function listen(call: MethodCall): MethodOutcome {
	const requested = call.params?.notifications;
	if (typeof requested !== 'object' || requested === null || Array.isArray(requested)) {
		throw new RpcError(
			RpcErrorCode.InvalidParams,
			'subscriptions/listen needs params.notifications (an object)',
		);
	}
	const subscription = { [META.subscriptionId]: call.id };
	const ack = {
		jsonrpc: '2.0',
		method: 'notifications/subscriptions/acknowledged',
		params: { _meta: subscription, notifications: {} },
	};
	return {
		leading: [ack],
		result: { resultType: 'complete', _meta: { ...subscription, ...serverInfoMeta } },
	};
}

/** A 2026-07-28 result: `resultType: "complete"` and the server's identity in `_meta` (basic/index §Results). */
function complete<T extends object>(
	result: T,
): T & { resultType: 'complete'; _meta: Record<string, unknown> } {
	const own = (result as { _meta?: Record<string, unknown> })._meta;
	return { ...result, resultType: 'complete', _meta: { ...own, ...serverInfoMeta } };
}
