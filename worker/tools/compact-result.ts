/** Compacts eDesk data for the model: drops null, empty strings, arrays and objects; no whitespace. */

/**
 * Returns a copy of `value` without null, undefined, '' , [] or {} anywhere; `omit` names top-level
 * fields of an object to leave out as well.
 */
export function compact(value: unknown, omit: readonly string[] = NONE): unknown {
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		const out: unknown[] = [];
		for (const item of value) {
			const c = compact(item);
			if (!isEmpty(c)) out.push(c);
		}
		return out;
	}
	const out: Record<string, unknown> = {};
	const source = value as Record<string, unknown>;
	for (const k in source) {
		if (!Object.hasOwn(source, k) || (omit.length > 0 && omit.includes(k))) continue;
		const c = compact(source[k]);
		if (isEmpty(c)) continue;
		// An own "__proto__" key (JSON.parse makes one) stays data, never the copy's prototype.
		if (k === '__proto__')
			Object.defineProperty(out, k, {
				value: c,
				enumerable: true,
				writable: true,
				configurable: true,
			});
		else out[k] = c;
	}
	return out;
}

const NONE: readonly string[] = [];

function isEmpty(v: unknown): boolean {
	if (v === null || v === undefined || v === '') return true;
	if (typeof v !== 'object') return false;
	if (Array.isArray(v)) return v.length === 0;
	for (const k in v) if (Object.hasOwn(v, k)) return false;
	return true;
}

/**
 * Serialises items into a JSON array of at most `maxBytes` UTF-8 bytes by dropping whole trailing items
 * (never cutting an item); the first item is always kept so a listing can make progress.
 */
export function fitItems(
	items: readonly unknown[],
	maxBytes: number,
): { json: string; count: number } {
	// Most pages fit whole: one serialisation, no per-item bookkeeping.
	const whole = JSON.stringify(items);
	if (byteLength(whole) <= maxBytes) return { json: whole, count: items.length };
	const json: string[] = [];
	let used = 2;
	for (const item of items) {
		// An item compacted away entirely is null in the array, as JSON.stringify(items) writes it.
		const text = JSON.stringify(item) ?? 'null';
		const size = byteLength(text) + (json.length > 0 ? 1 : 0);
		if (json.length > 0 && used + size > maxBytes) break;
		json.push(text);
		used += size;
	}
	return { json: `[${json.join(',')}]`, count: json.length };
}

const encoder = new TextEncoder();

/** Bytes of `text` in UTF-8 (an ASCII string is counted without encoding it). */
export function byteLength(text: string): number {
	return NON_ASCII.test(text) ? encoder.encode(text).byteLength : text.length;
}

const NON_ASCII = /[^\x00-\x7f]/;
