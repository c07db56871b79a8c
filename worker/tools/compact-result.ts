/** Compacts eDesk data for the model: drops null, empty strings, arrays and objects; no whitespace. */

/** Returns a copy of `value` without null, undefined, '' , [] or {} anywhere. */
export function compact(value: unknown): unknown {
	if (Array.isArray(value)) {
		const out: unknown[] = [];
		for (const item of value) {
			const c = compact(item);
			if (!isEmpty(c)) out.push(c);
		}
		return out;
	}
	if (typeof value === 'object' && value !== null) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) {
			const c = compact(v);
			if (!isEmpty(c)) out[k] = c;
		}
		return out;
	}
	return value;
}

function isEmpty(v: unknown): boolean {
	if (v === null || v === undefined || v === '') return true;
	if (Array.isArray(v)) return v.length === 0;
	if (typeof v === 'object') return Object.keys(v as object).length === 0;
	return false;
}

/**
 * Serialises items into a JSON array of at most `maxBytes` UTF-8 bytes by dropping whole trailing items
 * (never cutting an item); the first item is always kept so a listing can make progress.
 */
export function fitItems(items: readonly unknown[], maxBytes: number): { json: string[]; count: number } {
	const encoder = new TextEncoder();
	const json: string[] = [];
	let used = 2;
	for (const item of items) {
		const text = JSON.stringify(item);
		const size = encoder.encode(text).byteLength + (json.length > 0 ? 1 : 0);
		if (json.length > 0 && used + size > maxBytes) break;
		json.push(text);
		used += size;
	}
	return { json, count: json.length };
}
