/**
 * MCP Streamable HTTP transport, stateless, for both eras on one endpoint: HTTP checks
 * (http-gate), era detection (era), response mode (response-mode), then dispatch (methods).
 */
import { classifyRequest, modernMeta, type Era } from './era';
import {
	checkHttpMethod,
	corsHeaders,
	jsonResponse,
	readJsonRpcBody,
	transportError,
} from './http-gate';
import {
	parseRpcMessage,
	RpcError,
	RpcErrorCode,
	rpcError,
	rpcResult,
	type RpcRejection,
	type RpcRequest,
	type RpcResponse,
} from './jsonrpc';
import { runMethod, type McpServerContext, type MethodCall, type ProgressSink } from './methods';
import { toHeaderView, type HeaderView } from './modern-headers';
import {
	BATCH_PROTOCOL_VERSIONS,
	DEFAULT_PROTOCOL_VERSION,
	isLegacyVersion,
	isModernVersion,
	MAX_BATCH_ITEMS,
	unsupportedVersionMessage,
} from './protocol';
import { toRateLimitHeaders } from './rate-limit-headers';
import { chooseBatchMode, chooseResponseMode } from './response-mode';
import { sseResponse, sseStream } from './sse';
import type { ToolOutcome } from '../tools/execute';

export { isAllowedOrigin } from './http-gate';

export interface McpEndpointOptions {
	allowedOrigins: readonly string[];
	/** Resolves the URL token to a server, or returns the refusal (404, 401) to send. */
	resolve: () => Promise<McpServerContext | Response>;
}

/** Progress ticks are sent this often while an eDesk call is outstanding. */
export const PROGRESS_INTERVAL_MS = 1_000;

/** What answering one POST needs besides its body. */
interface Exchange {
	server: McpServerContext;
	headers: HeaderView;
	accept: string | null;
	cors: Record<string, string>;
}

/** Handles one HTTP request to `/mcp/<token>`. */
export async function handleMcpRequest(
	request: Request,
	options: McpEndpointOptions,
): Promise<Response> {
	const refused = checkHttpMethod(request, options.allowedOrigins);
	if (refused) return refused;
	const cors = corsHeaders(request.headers.get('origin'));
	const server = await options.resolve();
	if (server instanceof Response) return withHeaders(server, cors);
	const body = await readJsonRpcBody(request, cors);
	if (!body.ok) return body.response;
	const exchange: Exchange = {
		server,
		headers: toHeaderView(request.headers),
		accept: request.headers.get('accept'),
		cors,
	};
	return Array.isArray(body.value)
		? handleBatch(body.value, exchange)
		: handleMessage(body.value, exchange);
}

async function handleMessage(value: unknown, exchange: Exchange): Promise<Response> {
	const message = parseRpcMessage(value);
	switch (message.kind) {
		case 'invalid':
			return jsonResponse(
				rpcError(message.id, RpcErrorCode.InvalidRequest, `Invalid Request: ${message.reason}`),
				400,
				exchange.cors,
			);
		case 'notification':
		case 'response':
			// Both eras: an accepted notification or client response is 202 with no body.
			return new Response(null, { status: 202, headers: exchange.cors });
		case 'request': {
			const classified = classifyRequest(message, exchange.headers);
			if (!classified.ok) return rejectionResponse(classified.rejection, message.id, exchange.cors);
			return answer({ ...message, era: classified.era }, exchange);
		}
		default: {
			const never: never = message;
			return never;
		}
	}
}

async function answer(call: MethodCall, exchange: Exchange): Promise<Response> {
	const progressToken = progressTokenOf(call.params);
	const mode = chooseResponseMode({ accept: exchange.accept, method: call.method, progressToken });
	if (mode === 'progress')
		return streamWithProgress(call, exchange, progressToken as string | number);
	const outcome = await dispatch(call, exchange.server, undefined);
	const headers = {
		...exchange.cors,
		...(outcome.rateLimit ? toRateLimitHeaders(outcome.rateLimit) : {}),
	};
	// MCP 2026-07-28: an unknown or removed method is 404, and every refusal is a JSON body.
	if (outcome.status !== 200 || mode === 'json')
		return jsonResponse(outcome.response, outcome.status, headers);
	return sseResponse([...outcome.leading, outcome.response], headers);
}

interface Dispatched {
	response: RpcResponse;
	status: number;
	leading: unknown[];
	rateLimit?: ToolOutcome['rateLimit'];
}

async function dispatch(
	call: MethodCall,
	server: McpServerContext,
	progress: ProgressSink | undefined,
): Promise<Dispatched> {
	try {
		const outcome = await runMethod(call, server, progress);
		return {
			response: rpcResult(call.id, outcome.result),
			status: 200,
			leading: outcome.leading ?? [],
			rateLimit: outcome.rateLimit,
		};
	} catch (error) {
		if (error instanceof RpcError) {
			const notFound = call.era.kind === 'modern' && error.code === RpcErrorCode.MethodNotFound;
			return {
				response: rpcError(call.id, error.code, error.message, error.data),
				status: notFound ? 404 : 200,
				leading: [],
			};
		}
		console.error(
			JSON.stringify({
				msg: 'mcp method failed',
				method: call.method.slice(0, 60),
				error: error instanceof Error ? error.name : 'unknown',
			}),
		);
		return {
			response: rpcError(call.id, RpcErrorCode.InternalError, 'Internal error'),
			status: 200,
			leading: [],
		};
	}
}

function rejectionResponse(
	rejection: RpcRejection,
	id: RpcRequest['id'],
	cors: Record<string, string>,
): Response {
	const body = rpcError(
		rejection.withoutId ? null : id,
		rejection.code,
		rejection.message,
		rejection.data,
	);
	return jsonResponse(body, rejection.status, cors);
}

/** JSON-RPC batches: the initialize era's 2025-03-26 only, at most MAX_BATCH_ITEMS, run in order. */
async function handleBatch(items: unknown[], exchange: Exchange): Promise<Response> {
	const refusal = checkBatch(items, exchange.headers.protocolVersion);
	if (refusal) return transportError(400, refusal.code, refusal.message, exchange.cors);
	const era: Era = { kind: 'legacy', version: DEFAULT_PROTOCOL_VERSION };
	const responses: RpcResponse[] = [];
	let rateLimit: ToolOutcome['rateLimit'];
	for (const item of items) {
		const message = parseRpcMessage(item);
		if (message.kind === 'invalid') {
			responses.push(
				rpcError(message.id, RpcErrorCode.InvalidRequest, `Invalid Request: ${message.reason}`),
			);
		} else if (message.kind === 'request' && message.method === 'initialize') {
			responses.push(
				rpcError(
					message.id,
					RpcErrorCode.InvalidRequest,
					'Invalid Request: initialize must not be part of a batch',
				),
			);
		} else if (message.kind === 'request') {
			const out = await dispatch({ ...message, era }, exchange.server, undefined);
			responses.push(out.response);
			rateLimit ??= out.rateLimit;
		}
	}
	if (responses.length === 0) return new Response(null, { status: 202, headers: exchange.cors });
	const headers = { ...exchange.cors, ...(rateLimit ? toRateLimitHeaders(rateLimit) : {}) };
	return chooseBatchMode(exchange.accept) === 'sse'
		? sseResponse(responses, headers)
		: jsonResponse(responses, 200, headers);
}

/** Why a batch is refused before any of it runs, or null. */
function checkBatch(
	items: unknown[],
	header: string | null,
): { code: number; message: string } | null {
	if (header !== null && !isLegacyVersion(header)) {
		if (isModernVersion(header))
			return {
				code: RpcErrorCode.InvalidRequest,
				message: 'Invalid Request: batches are not part of protocol 2026-07-28',
			};
		return { code: RpcErrorCode.ServerError, message: unsupportedVersionMessage(header) };
	}
	const version = header ?? DEFAULT_PROTOCOL_VERSION;
	if (items.length === 0)
		return { code: RpcErrorCode.InvalidRequest, message: 'Invalid Request: empty batch' };
	if (!BATCH_PROTOCOL_VERSIONS.includes(version))
		return {
			code: RpcErrorCode.InvalidRequest,
			message: `Invalid Request: batches are not supported in protocol ${version}`,
		};
	// Each item may be an eDesk call, run in series: a large batch would hold one request for minutes.
	if (items.length > MAX_BATCH_ITEMS)
		return {
			code: RpcErrorCode.InvalidRequest,
			message: `Invalid Request: a batch holds at most ${MAX_BATCH_ITEMS} messages (got ${items.length})`,
		};
	if (
		items.some(
			(item) =>
				typeof item === 'object' &&
				item !== null &&
				modernMeta((item as { params?: Record<string, unknown> }).params),
		)
	) {
		return {
			code: RpcErrorCode.InvalidRequest,
			message: 'Invalid Request: a batch may not hold 2026-07-28 requests',
		};
	}
	return null;
}

function streamWithProgress(
	call: MethodCall,
	exchange: Exchange,
	progressToken: string | number,
): Response {
	return sseStream(exchange.cors, async (send) => {
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
			send((await dispatch(call, exchange.server, tick)).response);
		} finally {
			clearInterval(timer);
		}
	});
}

function progressTokenOf(params: Record<string, unknown> | undefined): unknown {
	const meta = params?._meta;
	return typeof meta === 'object' && meta !== null
		? (meta as Record<string, unknown>).progressToken
		: undefined;
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
	if (Object.keys(headers).length === 0) return response;
	const copy = new Response(response.body, response);
	for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
	return copy;
}
