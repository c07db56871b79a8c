/**
 * `fields` of get and list tools: a comma-separated list of paths into the record ("status",
 * "sales_order.tracking_codes"), checked against the record's shape and applied to each result. Pure.
 */
import type { RecordShape } from './tool-spec';

/** Which keys of an object a projection keeps: `true` keeps the whole value. */
export interface FieldTree {
	[key: string]: FieldTree | true;
}

/** One path that names no field, with the fields valid at the point it went wrong. */
export interface FieldIssue {
	field: 'fields';
	message: string;
}

/** Most paths one `fields` argument may hold. */
const MAX_PATHS = 60;
/** Deepest path (sales_order.order_items.product.sku is four). */
const MAX_DEPTH = 6;

/**
 * The tree of `text` against `shape`, or the issues of every path that names no field. The record's
 * `id` is always kept, so a projected item can still be named in the next call.
 */
export function parseFields(
	text: string,
	shape: RecordShape,
): { ok: true; tree: FieldTree } | { ok: false; issues: FieldIssue[] } {
	const paths = text
		.split(',')
		.map((p) => p.trim())
		.filter((p) => p !== '');
	const issues: FieldIssue[] = [];
	if (paths.length === 0) {
		issues.push({ field: 'fields', message: `names no field; fields: ${namesOf(shape)}` });
	}
	if (paths.length > MAX_PATHS) {
		issues.push({ field: 'fields', message: `at most ${MAX_PATHS} paths` });
	}
	const tree: FieldTree = {};
	for (const path of paths.slice(0, MAX_PATHS)) {
		const problem = addPath(tree, path, shape);
		if (problem) issues.push({ field: 'fields', message: problem });
	}
	if (issues.length > 0) return { ok: false, issues };
	if (objectShape(shape)?.properties?.['id'] !== undefined) tree['id'] = true;
	return { ok: true, tree };
}

/** Adds one dotted path to the tree; the text of the problem when it names no field. */
function addPath(tree: FieldTree, path: string, shape: RecordShape): string | undefined {
	const segments = path.split('.');
	if (segments.length > MAX_DEPTH) return `"${path}": at most ${MAX_DEPTH} levels`;
	let node = tree;
	let at: RecordShape | undefined = shape;
	for (let i = 0; i < segments.length; i++) {
		const name = segments[i] ?? '';
		const object = objectShape(at);
		const child = object?.properties?.[name];
		if (!object || child === undefined || !Object.hasOwn(object.properties ?? {}, name)) {
			const prefix = segments.slice(0, i).join('.');
			const where = prefix === '' ? 'fields' : `fields of ${prefix}`;
			return object
				? `"${path}": no field "${name}"; ${where}: ${namesOf(object)}`
				: `"${path}": ${prefix} has no fields`;
		}
		const last = i === segments.length - 1;
		const existing = node[name];
		if (existing === true) return undefined; // a shorter path already keeps the whole value
		if (last) {
			node[name] = true;
			return undefined;
		}
		const next: FieldTree = existing ?? {};
		node[name] = next;
		node = next;
		at = child;
	}
	return undefined;
}

/** The object shape at `shape`, looking through arrays to their items. */
function objectShape(shape: RecordShape | undefined): RecordShape | undefined {
	let s = shape;
	while (s?.type === 'array') s = s.items;
	return s?.type === 'object' ? s : undefined;
}

function namesOf(shape: RecordShape): string {
	return Object.keys(objectShape(shape)?.properties ?? {}).join(', ');
}

/** The parts of `value` the tree names (arrays are projected item by item). */
export function project(value: unknown, tree: FieldTree): unknown {
	if (Array.isArray(value)) return value.map((item) => project(item, tree));
	if (typeof value !== 'object' || value === null) return value;
	const source = value as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(tree)) {
		if (!Object.hasOwn(source, key)) continue;
		const sub = tree[key];
		out[key] = sub === true ? source[key] : project(source[key], sub as FieldTree);
	}
	return out;
}
