/** Forced failures and delays for the next N API requests (POST /__sandbox/fail-next). Owns the queue. */
import { TOO_MANY_REQUESTS_BODY, errorBody, json, textResponse } from './envelopes';

/** One queued failure rule. */
export interface ForcedFailure {
	/** The forced status; absent for a rule that only delays the real response. */
	status?: number;
	remaining: number;
	body?: unknown;
	/** When true the request is applied to the state first, then the error is returned. */
	apply: boolean;
	/** Milliseconds the response is held before its status and headers go out (a slow eDesk). */
	delayMs: number;
	/** Milliseconds between the headers and the body (an eDesk that stalls mid-answer). */
	bodyDelayMs: number;
}

/** Longest delay a rule may ask for. */
export const MAX_DELAY_MS = 60_000;

const REASONS: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'You are not authorized to access this',
	404: 'Not Found',
	408: 'Request Timeout',
	409: 'Conflict',
	429: 'Too many requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

let queue: ForcedFailure[] = [];

/** Queues a rule after any already queued. */
export function queueFailure(rule: ForcedFailure): void {
	queue.push(rule);
}

/** Takes one use of the head rule, if any. */
export function takeFailure(): ForcedFailure | undefined {
	const head = queue[0];
	if (!head) return undefined;
	head.remaining -= 1;
	if (head.remaining <= 0) queue.shift();
	return head;
}

/** Number of forced failures still queued. */
export function pendingFailures(): number {
	return queue.reduce((sum, rule) => sum + rule.remaining, 0);
}

/** Drops every queued rule. */
export function clearFailures(): void {
	queue = [];
}

/** The response of a forced failure with `status` (the rule's): the exact eDesk 429 for 429, else the default envelope. */
export function toForcedResponse(rule: ForcedFailure, status: number): Response {
	const headers: Record<string, string> = status === 429 ? { 'Retry-After': '1' } : {};
	if (rule.body !== undefined) {
		if (typeof rule.body === 'string') {
			return textResponse(rule.body, status, headers);
		}
		return json(rule.body, status, headers);
	}
	if (status === 429) return json(TOO_MANY_REQUESTS_BODY, 429, headers);
	const message = REASONS[status] ?? 'Error';
	return json(errorBody(status, message, 'Forced failure (sandbox fail-next)'), status);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies a rule's delays to its response: first `delayMs`, then the headers, then `bodyDelayMs`, then the body. */
export async function withDelays(response: Response, rule: ForcedFailure): Promise<Response> {
	if (rule.delayMs > 0) await sleep(rule.delayMs);
	if (rule.bodyDelayMs <= 0 || !response.body) return response;
	const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
	const body = response.body;
	void (async () => {
		await sleep(rule.bodyDelayMs);
		// The caller may have gone away meanwhile; then the pipe fails and there is nothing left to do.
		await body.pipeTo(writable).catch(() => undefined);
	})();
	return new Response(readable, response);
}
