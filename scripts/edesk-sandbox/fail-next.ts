/** Forced failures for the next N API requests (POST /__sandbox/fail-next). Owns the queue. */
import { TOO_MANY_REQUESTS_BODY, errorBody, json, textResponse } from './envelopes';

/** One queued failure rule. */
export interface ForcedFailure {
	status: number;
	remaining: number;
	body?: unknown;
	/** When true the request is applied to the state first, then the error is returned. */
	apply: boolean;
}

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

/** The response of a forced failure: the exact eDesk 429 for 429, else the default envelope. */
export function toForcedResponse(rule: ForcedFailure): Response {
	const headers: Record<string, string> = rule.status === 429 ? { 'Retry-After': '1' } : {};
	if (rule.body !== undefined) {
		if (typeof rule.body === 'string') {
			return textResponse(rule.body, rule.status, headers);
		}
		return json(rule.body, rule.status, headers);
	}
	if (rule.status === 429) return json(TOO_MANY_REQUESTS_BODY, 429, headers);
	const message = REASONS[rule.status] ?? 'Error';
	return json(errorBody(rule.status, message, 'Forced failure (sandbox fail-next)'), rule.status);
}
