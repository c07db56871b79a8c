/** Validates tool arguments against a tool's inputSchema with @cfworker/json-schema (no eval). Pure; does not route or call eDesk. */
import { Validator } from '@cfworker/json-schema';
import type { OutputUnit, Schema } from '@cfworker/json-schema';
import type { JsonSchema, JsonSchemaObject } from './tool-spec';

/** One argument problem; `message` starts with the field name and says what is allowed. */
export interface ArgIssue {
	field: string;
	message: string;
}

/** Outcome of validateArgs: the arguments with top-level defaults applied, or every issue found. */
export type ValidateArgsResult =
	{ ok: true; value: Record<string, unknown> } | { ok: false; issues: ArgIssue[] };

// Wrapper errors that only say "a child failed"; the child error carries the detail.
const WRAPPER_KEYWORDS = new Set(['properties', 'items', 'prefixItems', 'false', '$ref', 'allOf']);
const ROOT_FIELD = 'arguments';
/** What validation needs of a tool (a catalogue tool, or a meta-tool of a discovery server). */
export interface HasInputSchema {
	inputSchema: JsonSchemaObject;
}

const validators = new WeakMap<HasInputSchema, Validator>();

/** Checks `args` against `spec.inputSchema` (draft 2020-12); validators are cached per tool. */
export function validateArgs(spec: HasInputSchema, args: unknown): ValidateArgsResult {
	if (args === undefined || args === null) args = {};
	if (typeof args !== 'object' || Array.isArray(args)) {
		return {
			ok: false,
			issues: [{ field: ROOT_FIELD, message: `${ROOT_FIELD}: must be an object` }],
		};
	}
	const bad = findUnsafeValue(args, ROOT_FIELD);
	if (bad !== undefined)
		return { ok: false, issues: [{ field: bad.field, message: `${bad.field}: ${bad.problem}` }] };
	const result = validatorFor(spec).validate(args);
	if (!result.valid) {
		const issues = dedupe(
			result.errors.flatMap((unit) =>
				toIssues(unit, spec.inputSchema, args as Record<string, unknown>),
			),
		);
		return {
			ok: false,
			issues:
				issues.length > 0 ? issues : [{ field: ROOT_FIELD, message: `${ROOT_FIELD}: invalid` }],
		};
	}
	const value: Record<string, unknown> = { ...(args as Record<string, unknown>) };
	for (const [name, schema] of Object.entries(spec.inputSchema.properties)) {
		if (value[name] === undefined && schema['default'] !== undefined)
			value[name] = schema['default'];
	}
	return { ok: true, value };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Values JSON Schema lets through but no eDesk call may carry, with where they are. */
interface UnsafeValue {
	field: string;
	problem: string;
}

/**
 * The first value the schema check cannot be trusted with: a lone UTF-16 surrogate (the validator
 * builds JSON pointers with encodeURI, which throws on one), a non-finite number (`1e999` parses as
 * Infinity, which passes an integer check) or an integer beyond 2^53 - 1 (JSON.parse has already
 * rounded it to another value, so it would name another record).
 */
function findUnsafeValue(value: unknown, path: string, depth = 0): UnsafeValue | undefined {
	if (typeof value === 'string') {
		return LONE_SURROGATE.test(value)
			? { field: path, problem: 'must be valid Unicode text (it holds a lone surrogate)' }
			: undefined;
	}
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return { field: path, problem: 'must be a finite number' };
		if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
			return {
				field: path,
				problem: `must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER} (larger integers lose precision)`,
			};
		}
		return undefined;
	}
	if (typeof value !== 'object' || value === null || depth > 64) return undefined;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const found = findUnsafeValue(value[i], `${path}[${i}]`, depth + 1);
			if (found !== undefined) return found;
		}
		return undefined;
	}
	for (const [key, item] of Object.entries(value)) {
		const here = path === ROOT_FIELD ? key : `${path}.${key}`;
		if (LONE_SURROGATE.test(key))
			return { field: path, problem: 'must be valid Unicode text (it holds a lone surrogate)' };
		const found = findUnsafeValue(item, here, depth + 1);
		if (found !== undefined) return found;
	}
	return undefined;
}

function validatorFor(spec: HasInputSchema): Validator {
	let validator = validators.get(spec);
	if (validator === undefined) {
		validator = new Validator(spec.inputSchema as Schema, '2020-12', false);
		validators.set(spec, validator);
	}
	return validator;
}

function toIssues(unit: OutputUnit, root: object, args: Record<string, unknown>): ArgIssue[] {
	if (WRAPPER_KEYWORDS.has(unit.keyword)) return [];
	const schema = schemaAt(root, parentPointer(unit.keywordLocation));
	const at = pointerSegments(unit.instanceLocation);
	const issue = (segments: readonly string[], message: string): ArgIssue[] => {
		const field = toFieldName(segments);
		return [{ field, message: `${field}: ${message}` }];
	};
	switch (unit.keyword) {
		case 'required':
			return issue([...at, quotedName(unit.error)], 'is required');
		case 'additionalProperties': {
			const known = Object.keys((schema['properties'] ?? {}) as Record<string, unknown>);
			const allowed =
				known.length > 0 ? `; allowed: ${known.join(', ')}` : '; this tool takes no arguments';
			return issue([...at, quotedName(unit.error)], `is not a known argument${allowed}`);
		}
		case 'type':
			return issue(
				at,
				`must be ${withArticle(schema['type'])} (got ${typeName(valueAt(args, at))})`,
			);
		case 'enum':
			return issue(at, `must be one of ${toList(schema['enum'])}`);
		case 'const':
			return issue(at, `must be ${JSON.stringify(schema['const'])}`);
		case 'minimum':
		case 'exclusiveMinimum':
			return issue(
				at,
				`must be ${unit.keyword === 'minimum' ? '>=' : '>'} ${String(schema[unit.keyword])}`,
			);
		case 'maximum':
		case 'exclusiveMaximum':
			return issue(
				at,
				`must be ${unit.keyword === 'maximum' ? '<=' : '<'} ${String(schema[unit.keyword])}`,
			);
		case 'minLength':
		case 'maxLength':
			return issue(
				at,
				`must have ${unit.keyword === 'minLength' ? 'at least' : 'at most'} ${String(schema[unit.keyword])} characters`,
			);
		case 'minItems':
		case 'maxItems':
			return issue(
				at,
				`must have ${unit.keyword === 'minItems' ? 'at least' : 'at most'} ${String(schema[unit.keyword])} items`,
			);
		default:
			return issue(at, unit.error);
	}
}

function schemaAt(root: object, segments: readonly string[]): JsonSchema {
	let node: unknown = root;
	for (const segment of segments) {
		node =
			typeof node === 'object' && node !== null
				? (node as Record<string, unknown>)[segment]
				: undefined;
	}
	return typeof node === 'object' && node !== null ? (node as JsonSchema) : {};
}

function valueAt(args: Record<string, unknown>, segments: readonly string[]): unknown {
	let node: unknown = args;
	for (const segment of segments) {
		node =
			typeof node === 'object' && node !== null
				? (node as Record<string, unknown>)[segment]
				: undefined;
	}
	return node;
}

/** '#/properties/a/enum' → ['properties', 'a'] (the schema node that owns the failing keyword). */
function parentPointer(location: string): string[] {
	return pointerSegments(location).slice(0, -1);
}

function pointerSegments(location: string): string[] {
	return location
		.replace(/^#\/?/, '')
		.split('/')
		.filter((s) => s !== '')
		.map((s) => safeDecode(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** ['order_items', '0', 'sku'] → 'order_items[0].sku'. */
function toFieldName(segments: readonly string[]): string {
	let field = '';
	for (const segment of segments) {
		field += /^\d+$/.test(segment) ? `[${segment}]` : field === '' ? segment : `.${segment}`;
	}
	return field === '' ? ROOT_FIELD : field;
}

function quotedName(error: string): string {
	return /"([^"]*)"/.exec(error)?.[1] ?? '?';
}

function withArticle(type: unknown): string {
	const names = Array.isArray(type) ? type.map(String) : [String(type)];
	return names.map((n) => (/^[aeiou]/.test(n) ? `an ${n}` : `a ${n}`)).join(' or ');
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number' && !Number.isInteger(value)) return 'non-integer number';
	return typeof value;
}

function toList(values: unknown): string {
	return Array.isArray(values) ? values.map(String).join(', ') : '';
}

function dedupe(issues: ArgIssue[]): ArgIssue[] {
	const seen = new Set<string>();
	return issues.filter((i) => !seen.has(i.message) && seen.add(i.message) !== undefined);
}
