/** MCP Streamable HTTP transport, stateless: Origin, method, version, content checks, then dispatch. */
import { MAX_BODY_BYTES } from '../config';
import { readRequestText } from '../lib/read-limited';
import { toRateLimitHeaders, type RateLimitInfo } from '../proxy/rate-limit';
import {
	parseRpcMessage,
	RpcError,
	RpcErrorCode,
	rpcError,
	rpcResult,
	type RpcRequest,
	type RpcResponse,
} from './jsonrpc';
import { runMethod, type McpServerContext, type ProgressSink } from './methods';
import {
	BATCH_PROTOCOL_VERSIONS,
	MAX_BATCH_ITEMS,
	DEFAULT_PROTOCOL_VERSION,
	isSupportedVersion,
	SUPPORTED_PROTOCOL_VERSIONS,
} from './protocol';
import { sseResponse, sseStream } from './sse';

export interface McpEndpointOptions {
	allowedOrigins: readonly string[];
	/** Resolves the URL token to a server, or returns the refusal (404, 401) to send. */
	resolve: () => Promise<McpServerContext | Response>;
}

/** Progress ticks are sent this often while an eDesk call is outstanding. */
export const PROGRESS_INTERVAL_MS = 1_000;

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** True when a browser Origin may talk to this server (absent, loopback or configured). */
export function isAllowedOrigin(origin: string | null, allowed: readonly string[]): boolean {
	if (origin === null) return true;
	return LOOPBACK.test(origin) || allowed.includes(origin);
}

/** Handles one HTTP request to `/mcp/<token>`. */
export async function handleMcpRequest(
	request: Request,
	options: McpEndpointOptions,
): Promise<Response> {
	const origin = request.headers.get('origin');
	// MCP 2025-11-25 transports §Security: an invalid Origin gets 403.
	if (!isAllowedOrigin(origin, options.allowedOrigins)) {
		return transportError(403, RpcErrorCode.ServerError, 'Forbidden: Origin not allowed');
	}
	const cors = corsHeaders(origin);
	if (request.method === 'OPTIONS')
		return new Response(null, { status: 204, headers: preflightHeaders(cors) });
	if (request.method !== 'POST') {
		// Stateless server: no GET stream, no session to DELETE (MCP transports §GET).
		return transportError(405, RpcErrorCode.ServerError, 'Method not allowed: use POST', {
			allow: 'POST',
			...cors,
		});
	}
	const server = await options.resolve();
	if (server instanceof Response) return withHeaders(server, cors);

	const versionHeader = request.headers.get('mcp-protocol-version');
	if (versionHeader !== null && !isSupportedVersion(versionHeader.trim())) {
		return transportError(
			400,
			RpcErrorCode.ServerError,
			`Bad Request: Unsupported protocol version: ${versionHeader.slice(0, 40)} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`,
			cors,
		);
	}
	const version = versionHeader?.trim() ?? DEFAULT_PROTOCOL_VERSION;
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(contentType.trim())) {
		return transportError(
			415,
			RpcErrorCode.ServerError,
			'Unsupported Media Type: Content-Type must be application/json',
			cors,
		);
	}
	const read = await readRequestText(request, MAX_BODY_BYTES);
	if (!read.ok) {
		return read.reason === 'too_large'
			? transportError(
					413,
					RpcErrorCode.ServerError,
					`Payload Too Large: the body limit is ${MAX_BODY_BYTES} bytes`,
					cors,
				)
			: transportError(
					400,
					RpcErrorCode.ParseError,
					'Bad Request: the body could not be read to its end',
					cors,
				);
	}
	const text = read.text;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return transportError(
			400,
			RpcErrorCode.ParseError,
			'Parse error: the body is not valid JSON',
			cors,
		);
	}
	const accept = (request.headers.get('accept') ?? '').toLowerCase();
	const wantsSseOnly =
		accept.includes('text/event-stream') &&
		!accept.includes('application/json') &&
		!accept.includes('*/*');
	const acceptsSse = accept.includes('text/event-stream');

	if (Array.isArray(parsed)) {
		if (!BATCH_PROTOCOL_VERSIONS.includes(version) || parsed.length === 0) {
			return transportError(
				400,
				RpcErrorCode.InvalidRequest,
				parsed.length === 0
					? 'Invalid Request: empty batch'
					: `Invalid Request: batches are not supported in protocol ${version}`,
				cors,
			);
		}
		// Each item may be an eDesk call, run in series: a large batch would hold one request for minutes.
		if (parsed.length > MAX_BATCH_ITEMS) {
			return transportError(
				400,
				RpcErrorCode.InvalidRequest,
				`Invalid Request: a batch holds at most ${MAX_BATCH_ITEMS} messages (got ${parsed.length})`,
				cors,
			);
		}
		return handleBatch(parsed, server, wantsSseOnly, cors);
	}
	const message = parseRpcMessage(parsed);
	switch (message.kind) {
		case 'invalid':
			return transportError(
				400,
				RpcErrorCode.InvalidRequest,
				`Invalid Request: ${message.reason}`,
				cors,
				message.id,
			);
		case 'notification':
		case 'response':
			return new Response(null, { status: 202, headers: cors });
		case 'request': {
			const progressToken =
				message.params?._meta && typeof message.params._meta === 'object'
					? (message.params._meta as Record<string, unknown>).progressToken
					: undefined;
			const streamProgress =
				message.method === 'tools/call' &&
				acceptsSse &&
				(typeof progressToken === 'string' || typeof progressToken === 'number');
			if (streamProgress)
				return streamWithProgress(message, server, progressToken as string | number, cors);
			const { response, rateLimit } = await dispatch(message, server, undefined);
			const headers = { ...cors, ...(rateLimit ? toRateLimitHeaders(rateLimit) : {}) };
			// A tools/call answers as SSE whenever the client accepts it; the stream starts once eDesk has
			// answered, so the rate-limit headers of a passed-through 429 are still on the response.
			const asSse = wantsSseOnly || (message.method === 'tools/call' && acceptsSse);
			return asSse ? sseResponse([response], headers) : jsonResponse(response, 200, headers);
		}
		default: {
			const never: never = message;
			return never;
		}
	}
}

async function dispatch(
	message: RpcRequest,
	server: McpServerContext,
	progress: ProgressSink | undefined,
): Promise<{ response: RpcResponse; rateLimit?: RateLimitInfo }> {
	try {
		const outcome = await runMethod(message.method, message.params, server, progress);
		return { response: rpcResult(message.id, outcome.result), rateLimit: outcome.rateLimit };
	} catch (error) {
		if (error instanceof RpcError)
			return { response: rpcError(message.id, error.code, error.message, error.data) };
		console.error(
			JSON.stringify({
				msg: 'mcp method failed',
				method: message.method.slice(0, 60),
				error: error instanceof Error ? error.name : 'unknown',
			}),
		);
		return { response: rpcError(message.id, RpcErrorCode.InternalError, 'Internal error') };
	}
}

async function handleBatch(
	items: unknown[],
	server: McpServerContext,
	wantsSseOnly: boolean,
	cors: Record<string, string>,
): Promise<Response> {
	const responses: RpcResponse[] = [];
	let rateLimit: RateLimitInfo | undefined;
	for (const item of items) {
		const message = parseRpcMessage(item);
		if (message.kind === 'invalid')
			responses.push(
				rpcError(message.id, RpcErrorCode.InvalidRequest, `Invalid Request: ${message.reason}`),
			);
		else if (message.kind === 'request') {
			if (message.method === 'initialize') {
				responses.push(
					rpcError(
						message.id,
						RpcErrorCode.InvalidRequest,
						'Invalid Request: initialize must not be part of a batch',
					),
				);
				continue;
			}
			const out = await dispatch(message, server, undefined);
			responses.push(out.response);
			rateLimit ??= out.rateLimit;
		}
	}
	if (responses.length === 0) return new Response(null, { status: 202, headers: cors });
	const headers = { ...cors, ...(rateLimit ? toRateLimitHeaders(rateLimit) : {}) };
	return wantsSseOnly ? sseResponse(responses, headers) : jsonResponse(responses, 200, headers);
}

function streamWithProgress(
	message: RpcRequest,
	server: McpServerContext,
	progressToken: string | number,
	cors: Record<string, string>,
): Response {
	return sseStream(cors, async (send) => {
		let ticks = 0;
		const tick = (text: string): void => {
			ticks += 1;
			send({
				jsonrpc: '2.0',
				method: 'notifications/progress',
				params: { progressToken, progress: ticks, message: text },
			});
		};
		tick('Calling eDesk');
		const timer = setInterval(() => tick('Waiting for eDesk'), PROGRESS_INTERVAL_MS);
		try {
			const { response } = await dispatch(message, server, tick);
			send(response);
		} finally {
			clearInterval(timer);
		}
	});
}

function jsonResponse(body: unknown, status: number, headers: Record<string, string>): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', ...headers },
	});
}

/** A transport-level failure: HTTP status plus a JSON-RPC error (id null unless known), as the TS SDK does. */
function transportError(
	status: number,
	code: number,
	message: string,
	headers: Record<string, string> = {},
	id: string | number | null = null,
): Response {
	return jsonResponse(rpcError(id, code, message), status, headers);
}

function corsHeaders(origin: string | null): Record<string, string> {
	if (origin === null) return {};
	return {
		'access-control-allow-origin': origin,
		'access-control-expose-headers':
			'mcp-protocol-version, retry-after, ratelimit, ratelimit-policy, ratelimit-limit, ratelimit-remaining, ratelimit-reset',
		vary: 'Origin',
	};
}

function preflightHeaders(cors: Record<string, string>): Record<string, string> {
	return {
		...cors,
		'access-control-allow-methods': 'POST, OPTIONS',
		'access-control-allow-headers':
			'content-type, accept, authorization, mcp-protocol-version, mcp-session-id, last-event-id',
		'access-control-max-age': '600',
	};
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
	if (Object.keys(headers).length === 0) return response;
	const copy = new Response(response.body, response);
	for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
	return copy;
}
