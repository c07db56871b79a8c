/** The eDesk REST client: one request in, Result out. Knows nothing of MCP. Never retries. */
import { toUpstreamError, type UpstreamError } from './edesk-errors';
import { timedFetch } from './timed-fetch';
import type { UpstreamFetcher } from './upstream-fetcher';

/** Per-call upstream timeout. */
export const UPSTREAM_TIMEOUT_MS = 25_000;
/** Largest eDesk response read into memory (a 100-item page is far below this). */
export const MAX_UPSTREAM_BODY_BYTES = 8 * 1024 * 1024;

export interface UpstreamRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	query?: URLSearchParams;
	body?: unknown;
	bodyEncoding?: 'json' | 'multipart';
}

export interface UpstreamOk {
	status: number;
	body: unknown;
	headers: Headers;
}

export type UpstreamResult =
	{ ok: true; value: UpstreamOk } | { ok: false; error: UpstreamError; headers?: Headers };

export interface EdeskClient {
	request(op: UpstreamRequest): Promise<UpstreamResult>;
}

/** What a client needs: base URL, decrypted API token, how to reach the host, and the per-call timeout. */
export interface EdeskClientOptions {
	baseUrl: string;
	apiToken: string;
	fetcher: UpstreamFetcher;
	/** Covers the whole call, headers and body; default UPSTREAM_TIMEOUT_MS. */
	timeoutMs?: number;
	/** Largest answer read; default MAX_UPSTREAM_BODY_BYTES. */
	maxBodyBytes?: number;
}

const TIMED_OUT: UpstreamError = { kind: 'unavailable', message: 'eDesk did not answer in time' };
const UNREACHABLE: UpstreamError = { kind: 'unavailable', message: 'eDesk could not be reached' };
const REDIRECTED = (status: number): UpstreamError => ({
	kind: 'invalid_response',
	status,
	message: `eDesk answered with a redirect (HTTP ${status}), which is never followed`,
});

/** Builds a client for one account. */
export function createEdeskClient(options: EdeskClientOptions): EdeskClient {
	const base = options.baseUrl.replace(/\/+$/, '');
	const timeoutMs = options.timeoutMs ?? UPSTREAM_TIMEOUT_MS;
	const maxBodyBytes = options.maxBodyBytes ?? MAX_UPSTREAM_BODY_BYTES;
	return {
		async request(op) {
			// routeArgs URL-encodes path values, so base + path + query is the whole URL.
			const query = op.query?.toString();
			const url = query ? `${base}${op.path}?${query}` : base + op.path;
			const headers: Record<string, string> = {
				authorization: `Bearer ${options.apiToken}`,
				accept: 'application/json',
			};
			let body: BodyInit | undefined;
			if (op.body !== undefined && op.method !== 'GET') {
				if (op.bodyEncoding === 'multipart') body = toFormData(op.body);
				else {
					headers['content-type'] = 'application/json';
					body = JSON.stringify(op.body);
				}
			}
			// eDesk does not redirect; a 3xx would send the API token on to wherever it points.
			const call = await timedFetch(
				options.fetcher,
				url,
				{ method: op.method, headers, body, redirect: 'manual' },
				timeoutMs,
			);
			if (!call.ok)
				return { ok: false, error: call.failure === 'timeout' ? TIMED_OUT : UNREACHABLE };
			const { response } = call;
			if (response.status >= 300 && response.status < 400) {
				await response.body?.cancel();
				return { ok: false, error: REDIRECTED(response.status) };
			}
			const read = await call.readText(maxBodyBytes);
			if (!read.ok) {
				if (read.failure === 'too_large') {
					return {
						ok: false,
						error: {
							kind: 'invalid_response',
							status: response.status,
							message: 'eDesk response too large',
						},
					};
				}
				return {
					ok: false,
					error:
						read.failure === 'timeout'
							? TIMED_OUT
							: { kind: 'unavailable', message: 'eDesk broke off its answer' },
				};
			}
			const text = read.text;
			if (!response.ok) {
				return {
					ok: false,
					error: toUpstreamError(response.status, text, response.headers.get('retry-after')),
					headers: response.headers,
				};
			}
			if (text === '')
				return {
					ok: true,
					value: { status: response.status, body: null, headers: response.headers },
				};
			try {
				return {
					ok: true,
					value: { status: response.status, body: JSON.parse(text), headers: response.headers },
				};
			} catch {
				return {
					ok: false,
					error: {
						kind: 'invalid_response',
						status: response.status,
						message: 'eDesk answered with something other than JSON',
					},
				};
			}
		},
	};
}

/** Multipart body for order-note attachments: arrays of `{name, content_base64, content_type}` become file parts. */
function toFormData(body: unknown): FormData {
	const form = new FormData();
	const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			for (const item of value) {
				const file = (item ?? {}) as {
					name?: string;
					content_base64?: string;
					content_type?: string;
				};
				// The tools layer has checked content_base64 (an isError result names a bad one).
				const bytes = Uint8Array.from(atob((file.content_base64 ?? '').replace(/\s+/g, '')), (c) =>
					c.charCodeAt(0),
				);
				form.append(
					key,
					new File([bytes], toSafeFileName(file.name), {
						type: toSafeContentType(file.content_type),
					}),
				);
			}
		} else form.append(key, String(value));
	}
	return form;
}

/** A file name that cannot break the multipart header it goes into: no control characters, quotes or backslashes. */
export function toSafeFileName(name: string | undefined): string {
	const safe = (name ?? '')
		.replace(/[\u0000-\u001f\u007f"\\]/g, '_')
		.trim()
		.slice(0, 255);
	return safe === '' ? 'attachment' : safe;
}

/** A MIME type as `type/subtype` (with parameters), else application/octet-stream. */
function toSafeContentType(type: string | undefined): string {
	return type !== undefined && /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+-]+)*$/.test(type)
		? type
		: 'application/octet-stream';
}
