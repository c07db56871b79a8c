/** HTTP errors for the router, admin API and auth. Unknown errors never reach the wire: they become a generic 500. */
import { redactTokens } from './redact';

/** A deliberate HTTP failure whose code and message are safe to show the caller. */
export class HttpError extends Error {
	readonly status: number;
	readonly code: string;
	readonly headers: Record<string, string>;
	readonly details: unknown;

	constructor(
		status: number,
		code: string,
		message: string,
		options: { headers?: Record<string, string>; cause?: unknown; details?: unknown } = {},
	) {
		super(message, { cause: options.cause });
		this.status = status;
		this.code = code;
		this.headers = options.headers ?? {};
		this.details = options.details;
	}
}

/** Turns any thrown value into a JSON error response; only HttpError text goes on the wire. */
export function toErrorResponse(error: unknown, request?: Request): Response {
	if (error instanceof HttpError) {
		const body: Record<string, unknown> = { code: error.code, message: error.message };
		if (error.details !== undefined) body.details = error.details;
		return new Response(JSON.stringify({ error: body }), {
			status: error.status,
			headers: {
				'content-type': 'application/json',
				'cache-control': 'no-store',
				...error.headers,
			},
		});
	}
	console.error(
		JSON.stringify({
			msg: 'unhandled error',
			path: request ? redactTokens(new URL(request.url).pathname) : undefined,
			requestId: request?.headers.get('cf-ray') ?? undefined,
			error: redactTokens(
				error instanceof Error ? `${error.name}: ${error.message}` : String(error),
			),
		}),
	);
	return new Response(
		JSON.stringify({ error: { code: 'internal_error', message: 'Internal error' } }),
		{ status: 500, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } },
	);
}
