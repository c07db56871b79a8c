/** Field readers that collect eDesk validation codes (4001…4021) under dotted paths, PHP-style
 * lenient (numeric strings are numbers, 0/1 are booleans). Pure: no state, no Response. */
import { validationError, type ErrorCode, type ValidationDetails } from './envelopes';
import type { JsonObject } from './types';

const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Options shared by the readers. */
interface ReadOptions {
	required?: boolean;
	max?: number;
}

/** True for a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `s` is a valid `YYYY-MM-DD HH:MM:SS`. */
export function isTimestamp(s: string): boolean {
	const m = TIMESTAMP_RE.exec(s);
	if (!m) return false;
	const d = new Date(`${s.replace(' ', 'T')}Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === s.replace(' ', 'T');
}

/** Collects the first failure per field, then throws one 400 with all of them. */
export class Checker {
	readonly details: ValidationDetails = {};

	/** Records `code` at `path` unless that path already failed. */
	fail(path: string, code: ErrorCode): undefined {
		if (!(path in this.details)) this.details[path] = { errorCode: code };
		return undefined;
	}

	/** True when nothing failed so far. */
	get ok(): boolean {
		return Object.keys(this.details).length === 0;
	}

	/** Throws the 400 validation error when any field failed. */
	done(): void {
		if (!this.ok) throw validationError(this.details);
	}

	private absent(obj: JsonObject, key: string, path: string, opts: ReadOptions): boolean {
		const v = obj[key];
		if (v !== undefined && v !== null) return false;
		if (opts.required) this.fail(path, '4001');
		return true;
	}

	/** A string (4008), non-empty when required (4001), at most `max` chars (4020). */
	str(obj: JsonObject, key: string, path = key, opts: ReadOptions = {}): string | undefined {
		if (this.absent(obj, key, path, opts)) return undefined;
		const v = obj[key];
		if (typeof v === 'number') return String(v);
		if (typeof v !== 'string') return this.fail(path, '4008');
		if (opts.required && v.trim() === '') return this.fail(path, '4001');
		if (opts.max !== undefined && v.length > opts.max) return this.fail(path, '4020');
		return v;
	}

	/** A number or numeric string (4005). */
	num(obj: JsonObject, key: string, path = key, opts: ReadOptions = {}): number | undefined {
		if (this.absent(obj, key, path, opts)) return undefined;
		const n = toNumber(obj[key]);
		return n === undefined ? this.fail(path, '4005') : n;
	}

	/** A non-negative integer id or digit string (4005). */
	int(obj: JsonObject, key: string, path = key, opts: ReadOptions = {}): number | undefined {
		const n = this.num(obj, key, path, opts);
		if (n === undefined) return undefined;
		return Number.isSafeInteger(n) && n >= 0 ? n : this.fail(path, '4005');
	}

	/** true/false/0/1/"true"/"false"/"0"/"1" (4009). */
	bool(obj: JsonObject, key: string, path = key, opts: ReadOptions = {}): boolean | undefined {
		if (this.absent(obj, key, path, opts)) return undefined;
		const v = obj[key];
		if (v === true || v === 1 || v === '1' || v === 'true') return true;
		if (v === false || v === 0 || v === '0' || v === 'false') return false;
		return this.fail(path, '4009');
	}

	/** One of `allowed` (4008 when not a string, 4007 otherwise). */
	oneOf<T extends string>(
		obj: JsonObject,
		key: string,
		allowed: readonly T[],
		opts: ReadOptions & { path?: string } = {},
	): T | undefined {
		const path = opts.path ?? key;
		const v = this.str(obj, key, path, opts);
		if (v === undefined) return undefined;
		return (allowed as readonly string[]).includes(v) ? (v as T) : this.fail(path, '4007');
	}

	/** An array (4006). */
	arr(obj: JsonObject, key: string, path = key, opts: ReadOptions = {}): unknown[] | undefined {
		if (this.absent(obj, key, path, opts)) return undefined;
		const v = obj[key];
		return Array.isArray(v) ? v : this.fail(path, '4006');
	}

	/** An object; PHP calls it an array, hence 4006. */
	obj(obj: JsonObject, key: string, path = key, opts: ReadOptions = {}): JsonObject | undefined {
		if (this.absent(obj, key, path, opts)) return undefined;
		const v = obj[key];
		return isObject(v) ? v : this.fail(path, '4006');
	}

	/** An array of allowed strings (4006 / 4007 at `path.i`). */
	enumArray<T extends string>(
		obj: JsonObject,
		key: string,
		allowed: readonly T[],
		opts: ReadOptions = {},
	): T[] | undefined {
		const list = this.arr(obj, key, key, opts);
		if (list === undefined) return undefined;
		const out: T[] = [];
		list.forEach((_, i) => {
			const v = this.oneOf({ v: list[i] }, 'v', allowed, { path: `${key}.${i}`, required: true });
			if (v !== undefined) out.push(v);
		});
		return out;
	}

	/** An array of integer ids (4006 / 4005 at `path.i`). */
	intArray(obj: JsonObject, key: string, opts: ReadOptions = {}): number[] | undefined {
		const list = this.arr(obj, key, key, opts);
		if (list === undefined) return undefined;
		const out: number[] = [];
		list.forEach((item, i) => {
			const v = this.int({ v: item }, 'v', `${key}.${i}`, { required: true });
			if (v !== undefined) out.push(v);
		});
		return out;
	}

	/** `YYYY-MM-DD HH:MM:SS` (4010). */
	timestamp(obj: JsonObject, key: string, path = key, opts: ReadOptions = {}): string | undefined {
		const v = this.str(obj, key, path, opts);
		if (v === undefined) return undefined;
		return isTimestamp(v) ? v : this.fail(path, '4010');
	}

	/** An e-mail address (4021). */
	email(obj: JsonObject, key: string, path = key, opts: ReadOptions = {}): string | undefined {
		const v = this.str(obj, key, path, opts);
		if (v === undefined) return undefined;
		return EMAIL_RE.test(v) ? v : this.fail(path, '4021');
	}

	/** An http(s) URL; `code` is 4011 (file) or 4012 (image). */
	url(
		obj: JsonObject,
		key: string,
		path: string,
		opts: ReadOptions & { code: ErrorCode },
	): string | undefined {
		const v = this.str(obj, key, path, opts);
		if (v === undefined) return undefined;
		return /^https?:\/\/\S+$/.test(v) ? v : this.fail(path, opts.code);
	}
}

/** A finite number from a number or a numeric string, else undefined. */
export function toNumber(v: unknown): number | undefined {
	if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
	if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
	return undefined;
}

/** A value that `Checker.done()` already proved present (narrows `T | undefined` to `T`). */
export function must<T>(value: T | undefined): T {
	if (value === undefined) throw new Error('sandbox bug: validated value missing');
	return value;
}
