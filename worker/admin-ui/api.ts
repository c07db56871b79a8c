/** The management API client of the page: bearer API token, JSON in and out, the API's error code and message kept. */
import { state } from './state';

/** A failed call: the HTTP status (0 = no answer), the API's error code, message and details. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: unknown,
	) {
		super(message);
	}
}

let onUnauthorized: (message: string) => void = () => {};

/** What to do when the API refuses the token (sign out, in main.ts). */
export function whenUnauthorized(handler: (message: string) => void): void {
	onUnauthorized = handler;
}

/** Calls the management API; throws ApiError. A 401 signs out unless `quiet401`. */
export async function api<T>(
	method: string,
	path: string,
	body?: unknown,
	options: { quiet401?: boolean } = {},
): Promise<T> {
	const headers: Record<string, string> = {
		accept: 'application/json',
		authorization: `Bearer ${state.token ?? ''}`,
	};
	if (body !== undefined) headers['content-type'] = 'application/json';
	let response: Response;
	try {
		response = await fetch(path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			cache: 'no-store',
			credentials: 'omit',
		});
	} catch {
		throw new ApiError(
			0,
			'network_error',
			'Could not reach the Worker. Check the connection and try again.',
		);
	}
	const text = await response.text();
	let data: unknown = null;
	try {
		data = text ? JSON.parse(text) : null;
	} catch {
		data = null;
	}
	if (response.ok) return data as T;
	const e = ((data as { error?: Record<string, unknown> } | null)?.error ?? {}) as {
		code?: string;
		message?: string;
		details?: unknown;
	};
	const error = new ApiError(
		response.status,
		e.code ?? 'http_error',
		e.message ?? `The Worker answered HTTP ${response.status}.`,
		e.details,
	);
	if (response.status === 401 && !options.quiet401) {
		onUnauthorized(`The API token was refused (${error.message}). Sign in with a valid one.`);
	}
	throw error;
}

export function accountPath(accountId: string): string {
	return `/integrated-account/${encodeURIComponent(accountId)}`;
}

export function serverPath(server: { account_id: string; id: string }): string {
	return `${accountPath(server.account_id)}/mcp/${encodeURIComponent(server.id)}`;
}
