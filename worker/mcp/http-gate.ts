/**
 * The HTTP checks of the MCP endpoint before any JSON-RPC is read (MCP streamable-http §Security,
 * §Sending Messages): Origin, method, content type, body size, JSON. Pure but for reading the body.
 */
import { MAX_BODY_BYTES } from '../config';
import { readRequestText } from '../lib/read-limited';
import { RpcErrorCode, rpcError } from './jsonrpc';

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** True when a browser Origin may talk to this server (absent, loopback or configured). */
export function isAllowedOrigin(origin: string | null, allowed: readonly string[]): boolean {
	if (origin === null) return true;
	return LOOPBACK.test(origin) || allowed.includes(origin);
}

/** The CORS headers of every answer to an allowed browser Origin. */
export function corsHeaders(origin: string | null): Record<string, string> {
	if (origin === null) return {};
	return {
		'access-control-allow-origin': origin,
		'access-control-expose-headers':
			'mcp-protocol-version, retry-after, ratelimit, ratelimit-policy, ratelimit-limit, ratelimit-remaining, ratelimit-reset',
		vary: 'Origin',
	};
}

/** A preflight answer: the methods and request headers of both eras. */
export function preflightResponse(cors: Record<string, string>): Response {
	return new Response(null, {
		status: 204,
		headers: {
			...cors,
			'access-control-allow-methods': 'POST, OPTIONS',
			'access-control-allow-headers':
				'content-type, accept, authorization, mcp-protocol-version, mcp-method, mcp-name, mcp-session-id, last-event-id',
			'access-control-max-age': '600',
		},
	});
}

/** A JSON response. */
export function jsonResponse(
	body: unknown,
	status: number,
	headers: Record<string, string>,
): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', ...headers },
	});
}

/** A transport-level failure: HTTP status plus a JSON-RPC error with id null, as the TS SDK does. */
export function transportError(
	status: number,
	code: number,
	message: string,
	headers: Record<string, string> = {},
): Response {
	return jsonResponse(rpcError(null, code, message), status, headers);
}

/** 403 for a foreign Origin, 204 for a preflight, 405 for anything but POST; null when the request may go on. */
export function checkHttpMethod(
	request: Request,
	allowedOrigins: readonly string[],
): Response | null {
	const origin = request.headers.get('origin');
	// MCP 2025-11-25 transports §Security: an invalid Origin gets 403.
	if (!isAllowedOrigin(origin, allowedOrigins)) {
		return transportError(403, RpcErrorCode.ServerError, 'Forbidden: Origin not allowed');
	}
	const cors = corsHeaders(origin);
	if (request.method === 'OPTIONS') return preflightResponse(cors);
	if (request.method !== 'POST') {
		// Stateless server: no GET stream, no session to DELETE (MCP transports §GET; 2026-07-28 §Sessions).
		return transportError(405, RpcErrorCode.ServerError, 'Method not allowed: use POST', {
			allow: 'POST',
			...cors,
		});
	}
	return null;
}

/** The parsed JSON body, or the 415, 413 or 400 to answer with. */
export async function readJsonRpcBody(
	request: Request,
	cors: Record<string, string>,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(contentType.trim())) {
		return {
			ok: false,
			response: transportError(
				415,
				RpcErrorCode.ServerError,
				'Unsupported Media Type: Content-Type must be application/json',
				cors,
			),
		};
	}
	const read = await readRequestText(request, MAX_BODY_BYTES);
	if (!read.ok) {
		return {
			ok: false,
			response:
				read.reason === 'too_large'
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
						),
		};
	}
	try {
		return { ok: true, value: JSON.parse(read.text) };
	} catch {
		return {
			ok: false,
			response: transportError(
				400,
				RpcErrorCode.ParseError,
				'Parse error: the body is not valid JSON',
				cors,
			),
		};
	}
}
