/** Tool results: a success as JSON text plus structuredContent, and failures as `isError` payloads the model can act on. */
import { EDESK_ERROR_CODES, type UpstreamError } from '../proxy/edesk-errors';
import { toRateLimitInfo } from '../proxy/rate-limit';
import type { ToolRunOutcome, ToolSpec } from './tool-spec';
import type { ArgIssue } from './validate-args';

export interface CallToolResult {
	content: { type: 'text'; text: string }[];
	/** The same data as the text, as an object (every successful result; MCP 2025-06-18 and later). */
	structuredContent?: Record<string, unknown>;
	isError?: boolean;
}

/**
 * A successful result: `json` (the JSON text of `value`) as its one text item, and the same value as
 * structuredContent; a value that is not an object (MCP wants one there) goes under `result`.
 */
export function jsonResult(value: unknown, json: string = JSON.stringify(value)): CallToolResult {
	const object =
		typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: { result: value };
	return { content: [{ type: 'text', text: json }], structuredContent: object };
}

/** The `invalid_arguments` result: which arguments are wrong, and why. */
export function invalidArguments(
	issues: ArgIssue[],
	message = 'Arguments do not match the tool input schema.',
): CallToolResult {
	return toolError({ error: 'invalid_arguments', message, issues });
}

/** The outcome of a failed eDesk call: its isError result, and the 429 figures for the HTTP headers. */
export function upstreamFailure(
	spec: ToolSpec,
	error: UpstreamError,
	headers: Headers | undefined,
): ToolRunOutcome {
	const result = toUpstreamToolError(spec, error);
	if (error.kind === 'rate_limited')
		return { result, rateLimit: toRateLimitInfo(headers, error.retryAfterSeconds) };
	return { result };
}

/** An `isError` result carrying a compact JSON explanation. */
export function toolError(payload: Record<string, unknown>): CallToolResult {
	return { isError: true, content: [{ type: 'text', text: JSON.stringify(payload) }] };
}

/** Maps an eDesk failure to an `isError` result; validation fields are named as tool arguments. */
export function toUpstreamToolError(spec: ToolSpec, error: UpstreamError): CallToolResult {
	switch (error.kind) {
		case 'rate_limited':
			return toolError({
				error: 'rate_limited',
				status: 429,
				message: `eDesk rate limit reached: ${error.message}. Wait retry_after_seconds, then call again.`,
				retry_after_seconds: error.retryAfterSeconds,
			});
		case 'http': {
			const payload: Record<string, unknown> = {
				error:
					error.status === 404
						? 'not_found'
						: error.status === 401 || error.status === 403
							? 'forbidden'
							: error.status >= 500
								? 'upstream_error'
								: 'rejected',
				status: error.status,
				message: error.details ? `${error.message}: ${error.details}` : error.message,
			};
			if (error.status === 401 || error.status === 403) {
				payload.hint =
					'The eDesk API token of this account cannot do this (expired, or a Read-only token on a write).';
			}
			if (error.fields.length > 0) {
				payload.fields = error.fields.map((f) => ({
					field: toArgumentName(spec, f.field),
					error_code: f.errorCode,
					problem: EDESK_ERROR_CODES[f.errorCode] ?? 'rejected by eDesk',
				}));
			}
			return toolError(payload);
		}
		case 'unavailable':
			return toolError({ error: 'upstream_unavailable', message: error.message });
		case 'invalid_response':
			return toolError({
				error: 'upstream_invalid_response',
				status: error.status,
				message: error.message,
			});
		default: {
			const never: never = error;
			return never;
		}
	}
}

/** eDesk field path (`order_items.0.sku`, upstream names) → the tool argument path the model sent. */
function toArgumentName(spec: ToolSpec, field: string): string {
	const [head = field, ...rest] = field.split('.');
	for (const [arg, where] of Object.entries(spec.upstream.params)) {
		if (where.name === head) return [arg, ...rest].join('.');
	}
	return field;
}
