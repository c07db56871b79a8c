/** Tool execution failures as CallToolResult `isError` payloads the model can act on. */
import { EDESK_ERROR_CODES, type UpstreamError } from '../proxy/edesk-errors';
import type { ToolSpec } from './tool-spec';

export interface CallToolResult {
	content: { type: 'text'; text: string }[];
	/** The same data as the text, as an object (every successful result; MCP 2025-06-18 and later). */
	structuredContent?: Record<string, unknown>;
	isError?: boolean;
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
