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

import { fromBase64Url, toBase64Url } from '../lib/base64url';
import { LIST_LIMIT_MAX } from './derive-tools';

/** Highest eDesk page a cursor may name (100 items a page: ten million records). */
const MAX_CURSOR_PAGE = 100_000;

const encoder = new TextEncoder();
const SIGNATURE_BYTES = 16;

async function sign(payload: string, key: CryptoKey): Promise<Uint8Array> {
	const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(payload));
	return new Uint8Array(mac).slice(0, SIGNATURE_BYTES);
}

/** Encodes and signs a cursor with the server's HMAC key. */
export async function encodeCursor(state: CursorState, key: CryptoKey): Promise<string> {
	const payload = toBase64Url(
		encoder.encode(
			JSON.stringify(
				state.fields === undefined
					? [state.tool, state.filters, state.page, state.perPage, state.skip]
					: [state.tool, state.filters, state.page, state.perPage, state.skip, state.fields],
			),
		),
	);
	return `${payload}.${toBase64Url(await sign(payload, key))}`;
}

/** Verifies and decodes a cursor; null when it is malformed, forged or from another server. */
export async function decodeCursor(cursor: string, key: CryptoKey): Promise<CursorState | null> {
	const [payload, signature, extra] = cursor.split('.');
	if (!payload || !signature || extra !== undefined || cursor.length > 4096) return null;
	const given = fromBase64Url(signature);
	if (!given || given.byteLength !== SIGNATURE_BYTES) return null;
	const expected = await sign(payload, key);
	if (!crypto.subtle.timingSafeEqual(given, expected)) return null;
	const bytes = fromBase64Url(payload);
	if (!bytes) return null;
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder().decode(bytes));
	} catch {
		return null;
	}
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
