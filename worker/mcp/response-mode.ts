/** How an MCP request is answered: one JSON body, a complete SSE stream, or a stream with progress. The one place that decides. Pure. */

/** `json`: one JSON body; `sse`: the answer as SSE events once known; `progress`: SSE at once, with progress ticks. */
export type ResponseMode = 'json' | 'sse' | 'progress';

/** What the decision reads of a request. */
export interface ModeInput {
	accept: string | null;
	method: string;
	progressToken: unknown;
}

/**
 * JSON unless the client accepts only SSE (never a 406: claude.ai has sent `Accept: text/event-stream`
 * alone). A `tools/call` answers as SSE whenever the client accepts it, streaming progress at once when
 * it sent a progress token; without one the single event goes out once eDesk has answered, so a
 * passed-through 429 still carries its rate-limit headers. `subscriptions/listen` is always a stream
 * (MCP 2026-07-28 basic/patterns/subscriptions).
 */
export function chooseResponseMode({ accept, method, progressToken }: ModeInput): ResponseMode {
	const types = (accept ?? '').toLowerCase();
	const acceptsSse = types.includes('text/event-stream');
	const sseOnly = acceptsSse && !types.includes('application/json') && !types.includes('*/*');
	if (method === 'subscriptions/listen') return 'sse';
	if (method === 'tools/call' && acceptsSse) {
		return typeof progressToken === 'string' || typeof progressToken === 'number'
			? 'progress'
			: 'sse';
	}
	return sseOnly ? 'sse' : 'json';
}

/** The mode of a JSON-RPC batch response (2025-03-26): SSE only when the client accepts nothing else. */
export function chooseBatchMode(accept: string | null): ResponseMode {
	return chooseResponseMode({ accept, method: '', progressToken: undefined });
}
