/** JSON-RPC 2.0 envelopes: classifying incoming messages and building results and errors. */

export const RpcErrorCode = {
	ParseError: -32700,
	InvalidRequest: -32600,
	MethodNotFound: -32601,
	InvalidParams: -32602,
	InternalError: -32603,
	/** Transport-level problems (TS SDK convention; initialize era only). */
	ServerError: -32000,
	/** MCP 2026-07-28: a header does not match the body, or a required one is missing. */
	HeaderMismatch: -32020,
	/** MCP 2026-07-28: the request needs a client capability its `_meta` does not declare. */
	MissingRequiredClientCapability: -32021,
	/** MCP 2026-07-28: the requested protocol version is not one this server speaks. */
	UnsupportedProtocolVersion: -32022,
} as const;

export type RpcId = string | number;

export interface RpcRequest {
	kind: 'request';
	id: RpcId;
	method: string;
	params: Record<string, unknown> | undefined;
}
export interface RpcNotification {
	kind: 'notification';
	method: string;
	params: Record<string, unknown> | undefined;
}
export interface RpcClientResponse {
	kind: 'response';
}
export interface RpcInvalid {
	kind: 'invalid';
	id: RpcId | null;
	reason: string;
}
export type RpcMessage = RpcRequest | RpcNotification | RpcClientResponse | RpcInvalid;

export interface RpcErrorObject {
	code: number;
	message: string;
	data?: unknown;
}
export type RpcResponse =
	| { jsonrpc: '2.0'; id: RpcId; result: unknown }
	| { jsonrpc: '2.0'; id?: RpcId | null; error: RpcErrorObject };

/** A protocol error raised by an MCP method (becomes a JSON-RPC error, never an HTTP 5xx). */
export class RpcError extends Error {
	readonly code: number;
	readonly data: unknown;
	constructor(code: number, message: string, data?: unknown) {
		super(message);
		this.code = code;
		this.data = data;
	}
}

/** A request refused before dispatch: the HTTP status and the JSON-RPC error that go with it. */
export interface RpcRejection {
	status: number;
	code: number;
	message: string;
	data?: unknown;
	/** Answer with `id: null` (an initialize-era transport refusal) instead of the request's id. */
	withoutId?: true;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is RpcId =>
	typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** Classifies one parsed JSON value as a request, notification, client response or invalid message. */
export function parseRpcMessage(value: unknown): RpcMessage {
	if (!isObject(value) || value.jsonrpc !== '2.0') {
		return {
			kind: 'invalid',
			id: isObject(value) && isId(value.id) ? value.id : null,
			reason: 'not a JSON-RPC 2.0 message',
		};
	}
	const hasId = 'id' in value;
	if (typeof value.method === 'string') {
		if (value.params !== undefined && !isObject(value.params)) {
			return {
				kind: 'invalid',
				id: isId(value.id) ? value.id : null,
				reason: 'params must be an object',
			};
		}
		const params = value.params as Record<string, unknown> | undefined;
		if (!hasId) return { kind: 'notification', method: value.method, params };
		if (!isId(value.id))
			return { kind: 'invalid', id: null, reason: 'id must be a string or a number' };
		return { kind: 'request', id: value.id, method: value.method, params };
	}
	if (hasId && ('result' in value || 'error' in value)) return { kind: 'response' };
	return { kind: 'invalid', id: isId(value.id) ? value.id : null, reason: 'missing method' };
}

/** A JSON-RPC success response. */
export function rpcResult(id: RpcId, result: unknown): RpcResponse {
	return { jsonrpc: '2.0', id, result };
}

/**
 * A JSON-RPC error response. `id` is the request's; `null` when it could not be read (initialize
 * era, as the TS SDK answers); `undefined` leaves it out (2026-07-28, whose schema has no null id).
 */
export function rpcError(
	id: RpcId | null | undefined,
	code: number,
	message: string,
	data?: unknown,
): RpcResponse {
	const error: RpcErrorObject = { code, message };
	if (data !== undefined) error.data = data;
	return id === undefined ? { jsonrpc: '2.0', error } : { jsonrpc: '2.0', id, error };
}
