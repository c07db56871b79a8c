/**
 * Counted eDesk GETs for search and fetch: each call is one upstream request (never retried), a
 * failure stops the tool with the same isError result (and 429 figures) as any other tool.
 */
import type { EdeskClient } from '../../proxy/edesk-client';
import { upstreamFailure } from '../tool-error';
import type { ToolRunOutcome, ToolSpec } from '../tool-spec';
import { asRec, asRecs, type Rec } from './records';

/** Thrown by a Reader when eDesk fails: carries the tool's outcome. */
export class UpstreamStop extends Error {
	constructor(
		readonly outcome: ToolRunOutcome,
		readonly rateLimited: boolean,
	) {
		super('eDesk call failed');
	}
}

export interface Reader {
	/** GET one record (`data`); a 404 is `undefined` when `missingOk`, else it stops the tool. */
	one(path: string, missingOk?: boolean): Promise<Rec | undefined>;
	/** GET a list (`data[]`) with these query parameters. */
	list(path: string, query: Record<string, string>): Promise<Rec[]>;
	/** Upstream requests made so far. */
	readonly calls: number;
	/** Requests still allowed. */
	readonly left: number;
}

/** A reader for one tool call that makes at most `maxCalls` requests (a planning bug throws). */
export function createReader(edesk: EdeskClient, spec: ToolSpec, maxCalls: number): Reader {
	let calls = 0;
	const get = async (
		path: string,
		query: URLSearchParams | undefined,
		missingOk: boolean,
	): Promise<unknown> => {
		if (calls >= maxCalls) throw new Error(`${spec.name}: more than ${maxCalls} eDesk calls`);
		calls++;
		const res = await edesk.request({ method: 'GET', path, query });
		if (res.ok) return asRec(res.value.body)?.['data'];
		const { error } = res;
		if (missingOk && error.kind === 'http' && error.status === 404) return undefined;
		throw new UpstreamStop(
			upstreamFailure(spec, error, res.headers),
			error.kind === 'rate_limited',
		);
	};
	return {
		async one(path, missingOk = false) {
			return asRec(await get(path, undefined, missingOk));
		},
		async list(path, query) {
			return asRecs(await get(path, new URLSearchParams(query), false));
		},
		get calls() {
			return calls;
		},
		get left() {
			return maxCalls - calls;
		},
	};
}

/**
 * Awaits calls that run in parallel. When some failed, throws the failure to report: a 429 before any
 * other (its figures go to the client), else the first in call order.
 */
export async function settle(calls: readonly Promise<unknown>[]): Promise<void> {
	const settled = await Promise.allSettled(calls);
	const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
	if (failures.length === 0) return;
	const stops = failures.filter((f): f is UpstreamStop => f instanceof UpstreamStop);
	if (stops.length < failures.length) throw failures.find((f) => !(f instanceof UpstreamStop));
	throw stops.find((s) => s.rateLimited) ?? stops[0];
}
