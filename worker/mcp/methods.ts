/** MCP methods of a tools-only stateless server: initialize, ping, tools/list, tools/call. */
import type { ToolOutcome } from '../tools/execute';
import type { ToolSpec } from '../tools/tool-spec';
import { toToolsListResult } from '../tools/wire-tool';
import { RpcError, RpcErrorCode } from './jsonrpc';
import {
	isSupportedVersion,
	SERVER_CAPABILITIES,
	SERVER_INFO,
	SERVER_INSTRUCTIONS,
	SUPPORTED_PROTOCOL_VERSIONS,
} from './protocol';

/** What the methods need from the resolved MCP server. */
export interface McpServerContext {
	/** The tools this server exposes (already filtered by its config). */
	tools: readonly ToolSpec[];
	/** Runs a tool of `tools`. */
	callTool(spec: ToolSpec, args: unknown, signal: ProgressSink | undefined): Promise<ToolOutcome>;
}

/** Receives "still working" ticks while a tool call is outstanding. */
export type ProgressSink = (message: string) => void;

export interface MethodOutcome {
	result: unknown;
	rateLimit?: ToolOutcome['rateLimit'];
}

const listCache = new WeakMap<readonly ToolSpec[], unknown>();

/** Dispatches one request. Throws RpcError for protocol errors. */
export async function runMethod(
	method: string,
	params: Record<string, unknown> | undefined,
	server: McpServerContext,
	progress: ProgressSink | undefined,
): Promise<MethodOutcome> {
	switch (method) {
		case 'initialize': {
			const requested = params?.protocolVersion;
			const protocolVersion =
				typeof requested === 'string' && isSupportedVersion(requested)
					? requested
					: SUPPORTED_PROTOCOL_VERSIONS[0];
			return {
				result: {
					protocolVersion,
					capabilities: SERVER_CAPABILITIES,
					serverInfo: SERVER_INFO,
					instructions: SERVER_INSTRUCTIONS,
				},
			};
		}
		case 'ping':
			return { result: {} };
		case 'tools/list': {
			// MCP pagination §: an invalid cursor SHOULD get -32602; this server never issues one.
			if (params?.cursor !== undefined && params.cursor !== null) {
				throw new RpcError(
					RpcErrorCode.InvalidParams,
					'Invalid cursor: tools/list is not paginated',
				);
			}
			let result = listCache.get(server.tools);
			if (!result) {
				result = toToolsListResult(server.tools);
				listCache.set(server.tools, result);
			}
			return { result };
		}
		case 'tools/call': {
			const name = params?.name;
			if (typeof name !== 'string')
				throw new RpcError(RpcErrorCode.InvalidParams, 'tools/call needs params.name (a string)');
			const args = params?.arguments;
			if (
				args !== undefined &&
				args !== null &&
				(typeof args !== 'object' || Array.isArray(args))
			) {
				throw new RpcError(
					RpcErrorCode.InvalidParams,
					'tools/call params.arguments must be an object',
				);
			}
			// Only tools of this server are callable, whatever name the client sends.
			const spec = server.tools.find((t) => t.name === name);
			if (!spec)
				throw new RpcError(RpcErrorCode.InvalidParams, `Unknown tool: ${name.slice(0, 100)}`);
			const outcome = await server.callTool(spec, args ?? {}, progress);
			return { result: outcome.result, rateLimit: outcome.rateLimit };
		}
		default:
			throw new RpcError(RpcErrorCode.MethodNotFound, `Method not found: ${method.slice(0, 100)}`);
	}
}
