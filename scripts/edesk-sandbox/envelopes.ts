/** eDesk wire envelopes: `{data}`, lists with `paginator`, top-level delete confirmations and the
 * `{error:{httpCode,message,details}}` error shapes (edesk-api.md §3, §5). No routing, no state. */

/** Validation error codes (edesk-api.md §5), sent as strings like live eDesk. */
export type ErrorCode =
	| '4001'
	| '4002'
	| '4003'
	| '4004'
	| '4005'
	| '4006'
	| '4007'
	| '4008'
	| '4009'
	| '4010'
	| '4011'
	| '4012'
	| '4013'
	| '4014'
	| '4015'
	| '4016'
	| '4017'
	| '4018'
	| '4019'
	| '4020'
	| '4021'
	| '4022';

/** `details` of a 400 validation error: dotted field path → code. */
export type ValidationDetails = Record<string, { errorCode: ErrorCode }>;

const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;

/** A response short-circuit thrown by handlers; the router turns it into `toResponse()`. */
export class ApiError extends Error {
	readonly status: number;
	readonly body: unknown;
	readonly headers: Record<string, string>;

	constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
		super(`eDesk sandbox ${status}`);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}

	/** The wire response. */
	toResponse(): Response {
		return json(this.body, this.status, this.headers);
	}
}

const encoder = new TextEncoder();

/**
 * A response whose Content-Length is set, as an HTTP server sends a buffered body. On the wire workerd
 * adds it anyway; through a service binding it is passed on only when the Worker sets it.
 */
export function textResponse(
	text: string,
	status: number,
	headers: Record<string, string>,
): Response {
	const bytes = encoder.encode(text);
	return new Response(bytes, {
		status,
		headers: { ...headers, 'Content-Length': String(bytes.byteLength) },
	});
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return textResponse(JSON.stringify(body), status, { ...JSON_HEADERS, ...headers });
}

/** `{data}` single-object envelope. */
export function dataResponse(data: unknown): Response {
	return json({ data });
}

/** Top-level delete confirmation, the live shape `{"ok":true,"message":"…"}` (§5). */
export function deletedResponse(message: string): Response {
	return json({ ok: true, message });
}

/** The default error envelope with string details. */
export function errorBody(httpCode: number, message: string, details: string): unknown {
	return { error: { httpCode, message, details } };
}

/** 400 validation failure with `details{field:{errorCode}}`. */
export function validationError(details: ValidationDetails): ApiError {
	return new ApiError(400, { error: { httpCode: 400, message: 'Validation failed', details } });
}

/** 400 for a body that is not a JSON object. */
export function badRequest(details: string): ApiError {
	return new ApiError(400, errorBody(400, 'Bad Request', details));
}

/** 404 for a missing object, e.g. details "Ticket not found". */
export function notFound(details: string): ApiError {
	return new ApiError(404, errorBody(404, 'Not Found', details));
}

/** 403 for a missing or unknown token (S2 fixture body). */
export function invalidToken(): ApiError {
	return new ApiError(
		403,
		errorBody(403, 'You are not authorized to access this', 'Invalid token.'),
	);
}

/** 403 for a read-only token attempting a write. */
export function forbiddenWrite(): ApiError {
	return new ApiError(
		403,
		errorBody(403, 'You are not authorized to access this', 'User can not access an object'),
	);
}

/** The exact 429 body of §4. */
export const TOO_MANY_REQUESTS_BODY = errorBody(429, 'Too many requests', 'Out of quota');

/** 429 with `Retry-After: 1` and no X-RateLimit headers (§4). */
export function tooManyRequests(): ApiError {
	return new ApiError(429, TOO_MANY_REQUESTS_BODY, { 'Retry-After': '1' });
}

/** 500 as observed for a bad date filter on /sales-orders (§2.3, S5). */
export function badTimeString(value: string): ApiError {
	const text = `Failed to parse time string (${value} 00:00:00)`;
	return new ApiError(500, errorBody(500, text, text));
}

/** Generic 500 for bugs and crash quirks; no internals on the wire. */
export function internalError(): ApiError {
	return new ApiError(500, errorBody(500, 'Internal Server Error', 'Internal Server Error'));
}
