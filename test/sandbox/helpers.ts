/** Test helpers for the eDesk sandbox: call it through `exports.default`, reset it, wire types. */
import { exports } from 'cloudflare:workers';

/** The full-access sandbox token. */
export const FULL_TOKEN = 'sandbox-full-access';
/** The read-only sandbox token. */
export const READ_ONLY_TOKEN = 'sandbox-read-only';

/** A JSON object read from a response. */
export type Obj = Record<string, unknown>;
/** `{data}` */
export interface DataBody<T = Obj> {
	data: T;
}
/** `{data, paginator}` */
export interface ListBody<T = Obj> {
	data: T[];
	paginator: { currentPage: number; itemsPerPage: number; totalItemsCount: number };
}
/** `{error:{httpCode,message,details}}` */
export interface ErrorBody {
	error: { httpCode: number; message: string; details: unknown };
}

const sandbox = (exports as unknown as { default: Fetcher }).default;

/** Options of one call. */
export interface CallOptions {
	method?: string;
	body?: unknown;
	token?: string | null;
	headers?: Record<string, string>;
}

/** Calls `/v1<path>` (or a `/__sandbox/...` path as is) and returns the raw response. */
export function call(path: string, opts: CallOptions = {}): Promise<Response> {
	const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
	const token = opts.token === undefined ? FULL_TOKEN : opts.token;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	let body: BodyInit | undefined;
	if (typeof opts.body === 'string' || opts.body instanceof FormData) body = opts.body;
	else if (opts.body !== undefined) {
		body = JSON.stringify(opts.body);
		headers['Content-Type'] = 'application/json';
	}
	const url = path.startsWith('/__sandbox') ? path : `/v1${path}`;
	return sandbox.fetch(
		new Request(`http://sandbox${url}`, { method: opts.method ?? 'GET', headers, body }),
	);
}

/** Calls and parses the JSON body as `T` (the test asserts the shape). */
export async function callJson<T = unknown>(
	path: string,
	opts: CallOptions = {},
): Promise<{ status: number; body: T; res: Response }> {
	const res = await call(path, opts);
	const body = (await res.json()) as T;
	return { status: res.status, body, res };
}

/** Reseeds the sandbox and clears buckets, config overrides, fail-next rules and the request log. */
export async function resetSandbox(): Promise<void> {
	const res = await call('/__sandbox/reset', { method: 'POST', token: null });
	if (res.status !== 200) throw new Error(`reset failed: ${String(res.status)}`);
}

/** The validation-error body with the given field codes. */
export function validationBody(details: Record<string, string>): ErrorBody {
	const wire = Object.fromEntries(
		Object.entries(details).map(([k, code]) => [k, { errorCode: code }]),
	);
	return { error: { httpCode: 400, message: 'Validation failed', details: wire } };
}

/** Matches `YYYY-MM-DD HH:MM:SS`. */
export const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
