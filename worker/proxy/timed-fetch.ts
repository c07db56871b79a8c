/** One upstream HTTP call under a deadline that covers its headers and its body. Never throws. */
import { readTextWithin } from '../lib/read-limited';
import type { UpstreamFetcher } from './upstream-fetcher';

/** Why reading the body failed: the deadline passed, the body broke off, or it is over the byte limit. */
export type BodyFailure = 'timeout' | 'broken' | 'too_large';

export type TimedFetchResult =
	| {
			ok: true;
			response: Response;
			/** The body as text within `maxBytes`, under the same deadline. */
			readText(
				maxBytes: number,
			): Promise<{ ok: true; text: string } | { ok: false; failure: BodyFailure }>;
	  }
	| { ok: false; failure: 'unreachable' | 'timeout' };

/** Sends `url` with `init` through `fetcher`; `timeoutMs` runs from now until the body has been read. */
export async function timedFetch(
	fetcher: UpstreamFetcher,
	url: string,
	init: RequestInit,
	timeoutMs: number,
): Promise<TimedFetchResult> {
	// The signal also aborts the body, so a host that stalls after its headers times out as well.
	const signal = AbortSignal.timeout(timeoutMs);
	let response: Response;
	try {
		response = await fetcher(url, { ...init, signal });
	} catch (cause) {
		return { ok: false, failure: isAbort(cause) ? 'timeout' : 'unreachable' };
	}
	return {
		ok: true,
		response,
		async readText(maxBytes) {
			try {
				const text = await readTextWithin(response, maxBytes);
				return text === null ? { ok: false, failure: 'too_large' } : { ok: true, text };
			} catch (cause) {
				return { ok: false, failure: signal.aborted || isAbort(cause) ? 'timeout' : 'broken' };
			}
		},
	};
}

function isAbort(cause: unknown): boolean {
	return cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
}
