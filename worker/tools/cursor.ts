/** Opaque list cursors: eDesk page state plus the filters it belongs to, signed so a forged one is refused. */

export interface CursorState {
	/** Tool the cursor was issued by. */
	tool: string;
	/** Filter arguments of the listing (everything but limit and next_cursor). */
	filters: Record<string, unknown>;
	/** eDesk page (1-based) and page size. */
	page: number;
	perPage: number;
	/** Items of that page already returned (a page cut short by the result byte budget). */
	skip: number;
	/** The `fields` of the listing, when it had any: later pages keep the same projection. */
	fields?: string;
}

import { openJson, sealJson } from '../lib/signed-json';
import { LIST_LIMIT_MAX } from './derive-tools';

/** Highest eDesk page a cursor may name (100 items a page: ten million records). */
const MAX_CURSOR_PAGE = 100_000;
/** Longest cursor text accepted. */
const MAX_CURSOR_CHARS = 4096;

/** Encodes and signs a cursor with the server's HMAC key. */
export function encodeCursor(state: CursorState, key: CryptoKey): Promise<string> {
	return sealJson(
		state.fields === undefined
			? [state.tool, state.filters, state.page, state.perPage, state.skip]
			: [state.tool, state.filters, state.page, state.perPage, state.skip, state.fields],
		key,
	);
}

/** Verifies and decodes a cursor; null when it is malformed, forged or from another server. */
export async function decodeCursor(cursor: string, key: CryptoKey): Promise<CursorState | null> {
	const value = await openJson(cursor, key, MAX_CURSOR_CHARS);
	if (!Array.isArray(value) || (value.length !== 5 && value.length !== 6)) return null;
	const [tool, filters, page, perPage, skip, fields] = value as unknown[];
	const isCount = (n: unknown, min: number): n is number =>
		Number.isInteger(n) && (n as number) >= min;
	if (
		typeof tool !== 'string' ||
		typeof filters !== 'object' ||
		filters === null ||
		Array.isArray(filters)
	)
		return null;
	if (!isCount(page, 1) || !isCount(perPage, 1) || !isCount(skip, 0)) return null;
	if (value.length === 6 && typeof fields !== 'string') return null;
	// As strict as fresh arguments: a page size eDesk honours, a skip inside the page.
	if (page > MAX_CURSOR_PAGE || perPage > LIST_LIMIT_MAX || skip >= perPage) return null;
	const state: CursorState = {
		tool,
		filters: filters as Record<string, unknown>,
		page,
		perPage,
		skip,
	};
	if (typeof fields === 'string') state.fields = fields;
	return state;
}
