/**
 * fast-check arbitraries for hostile input: odd unicode, prototype keys, JSON text with duplicate and
 * `__proto__` keys, broken JSON, deep nesting, and tool arguments that are invalid by construction.
 * JSON is built as text so that `__proto__` arrives as an own key, exactly as JSON.parse makes it.
 */
import fc from 'fast-check';
import type { JsonSchema, ToolSpec } from '../../worker/tools/tool-spec';

/** Names that reach Object.prototype when used as a key. */
const PROTOTYPE_KEYS: readonly string[] = [
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'valueOf',
	'hasOwnProperty',
];

/** Strings that have broken parsers, validators and loggers before. */
export const SPECIAL_STRINGS: readonly string[] = [
	'',
	' ',
	'\u0000',
	'a\u0000b',
	'\uD800',
	'\uDFFF',
	'x\uDBFFy',
	'\uDC00\uD800',
	'\u202Eevil\u202C',
	'\u200F\u05E9\u05DC\u05D5\u05DD',
	'\u0645\u0631\u062D\u0628\u0627',
	'\uFEFF',
	'\u2028\u2029',
	'e\u0301\u0301\u0301',
	'\u{1F4A9}',
	'\u{1D54F}',
	'\uFFFF\uFFFE',
	'\r\n\t\b\f\v',
	'\\',
	'"',
	'</script><script>alert(1)</script>',
	"' OR 1=1 --",
	'${jndi:ldap://example.invalid/a}',
	'{{7*7}}',
	'%00%0a%0d',
	'../../../../etc/passwd',
	...PROTOTYPE_KEYS,
	'__defineGetter__',
	'NaN',
	'Infinity',
	'-0',
	'1e309',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'em_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
];

/** Keys that reach for Object.prototype, JSON-RPC fields and MCP params. */
export const SPECIAL_KEYS: readonly string[] = [
	...PROTOTYPE_KEYS,
	'jsonrpc',
	'id',
	'method',
	'params',
	'result',
	'error',
	'name',
	'arguments',
	'_meta',
	'progressToken',
	'cursor',
	'protocolVersion',
	'',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any string, often with lone surrogates, RTL marks, NUL and other specials mixed in. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
	{ weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
	{
		weight: 3,
		arbitrary: fc
			.array(
				fc.oneof(
					fc.constantFrom(...SPECIAL_STRINGS),
					loneSurrogate,
					fc.string({ unit: 'binary', maxLength: 6 }),
				),
				{ maxLength: 8 },
			)
			.map((parts) => parts.join('')),
	},
	{
		weight: 1,
		arbitrary: fc
			.tuple(
				fc.constantFrom('a', '\u{1F4A9}', '\uD800', '\u0000', 'é'),
				fc.integer({ min: 1_000, max: 100_000 }),
			)
			.map(([c, n]) => c.repeat(n)),
	},
);

/** An object key: specials or any odd string. */
export const oddKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...SPECIAL_KEYS), oddString);

/** A JSON number as text, including extremes JSON.parse turns into Infinity-free oddities. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
	fc.integer().map(String),
	fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
	fc.constantFrom(
		'0',
		'-0',
		'1e308',
		'1e309',
		'-1e400',
		'1e-400',
		'12345678901234567890123',
		'0.1e1',
		'-9007199254740993',
		'4.9e-324',
	),
);

/** A JSON string literal (JSON.stringify keeps lone surrogates as escapes). */
export const stringText: fc.Arbitrary<string> = oddString.map((s) => JSON.stringify(s));

/** Builds an object literal from key/value texts, keeping duplicates and `__proto__` as written. */
export function objectText(entries: readonly (readonly [string, string])[]): string {
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

/** Nested brackets `depth` deep around `inner` (arrays or objects). */
export function nestedText(depth: number, kind: 'array' | 'object', inner = '1'): string {
	return kind === 'array'
		? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`
		: `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
}

/** Any JSON value as text: odd strings and numbers, duplicate and prototype keys, some deep or wide. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		fc.constantFrom('null', 'true', 'false'),
		numberText,
		stringText,
		fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
		fc.array(fc.tuple(oddKey, tie('value')), { maxLength: 5 }).map(objectText),
	),
})).value;

/** Deeply nested or very wide JSON. */
export const bigJsonText: fc.Arbitrary<string> = fc.oneof(
	fc
		.tuple(
			fc.integer({ min: 100, max: 20_000 }),
			fc.constantFrom<'array' | 'object'>('array', 'object'),
		)
		.map(([d, k]) => nestedText(d, k)),
	fc
		.integer({ min: 1_000, max: 50_000 })
		.map((n) => `[${Array.from({ length: n }, (_, i) => i).join(',')}]`),
	fc
		.integer({ min: 1_000, max: 20_000 })
		.map((n) => objectText(Array.from({ length: n }, (_, i) => [`k${i}`, '0'] as const))),
	fc.integer({ min: 10_000, max: 200_000 }).map((n) => JSON.stringify('x'.repeat(n))),
);

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/** Text that is not valid JSON (truncated, corrupted, JS-only syntax, concatenated). */
export const brokenJsonText: fc.Arbitrary<string> = fc.oneof(
	fc
		.tuple(jsonText, fc.nat())
		.filter(([t]) => t.length > 1)
		.map(([t, n]) => t.slice(0, 1 + (n % (t.length - 1))))
		.filter((t) => !isJson(t)),
	fc
		.tuple(jsonText, fc.nat(), fc.constantFrom('"', '{', ']', ',', ':', '\\', '\u0000', "'", '\n'))
		.map(([t, n, c]) => t.slice(0, n % (t.length + 1)) + c + t.slice(n % (t.length + 1)))
		.filter((t) => !isJson(t)),
	fc.constantFrom(
		'{',
		'}',
		'[',
		'{"jsonrpc":"2.0","id":1,"method":"ping",}',
		"{'jsonrpc':'2.0','id':1,'method':'ping'}",
		'{"jsonrpc":"2.0","id":1,"method":"ping"} trailing',
		'{"jsonrpc":"2.0","id":1,"method":"ping"}{"jsonrpc":"2.0","id":2,"method":"ping"}',
		'{"jsonrpc":"2.0","id":NaN,"method":"ping"}',
		'{"jsonrpc":"2.0","id":Infinity,"method":"ping"}',
		'{"jsonrpc":"2.0","id":1,"method":"ping" /* comment */}',
		'{"jsonrpc":"2.0","id":1,"method":"pi\u0001ng"}',
		'{"jsonrpc":"2.0","id":0x10,"method":"ping"}',
		'\uFEFF{"jsonrpc":"2.0","id":1,"method":"ping"}',
		'{"a":"\\u12"}',
		'{"a":"\\x41"}',
		'undefined',
		'NaN',
		'--',
	),
	oddString.filter((s) => !isJson(s)),
);

/** Raw bytes that are not valid UTF-8 (stray continuation bytes, overlong forms, encoded surrogates). */
export const invalidUtf8: fc.Arbitrary<Uint8Array> = fc
	.tuple(
		fc.constantFrom('{"jsonrpc":"2.0","id":1,"method":"', '{"jsonrpc":"2.0","id":"', '', '{"'),
		fc.array(fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff, 0xed, 0xa0, 0xe0), {
			minLength: 1,
			maxLength: 8,
		}),
		fc.constantFrom('"}', '', 'ping"}'),
	)
	.map(([a, bytes, b]) => {
		const head = new TextEncoder().encode(a);
		const tail = new TextEncoder().encode(b);
		const out = new Uint8Array(head.length + bytes.length + tail.length);
		out.set(head, 0);
		out.set(bytes, head.length);
		out.set(tail, head.length + bytes.length);
		return out;
	});

/** A header value that a Request accepts (visible ASCII and spaces). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
	fc.string({
		unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
		maxLength: 60,
	}),
	fc.integer({ min: 1_000, max: 8_000 }).map((n) => 'a'.repeat(n)),
);

/** Percent-encoded random bytes (possibly invalid UTF-8) for a URL path segment. */
export const percentEncodedBytes: fc.Arbitrary<string> = fc
	.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 40 })
	.map((bytes) => bytes.map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join(''));

/** A path segment that is safe to put into a URL: encoded odd strings, raw bytes, dots, long runs. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
	oddString.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))),
	percentEncodedBytes,
	fc.constantFrom(
		'..',
		'.',
		'%2e%2e',
		'%2F',
		'%00',
		'__proto__',
		'constructor',
		'preview',
		'mcp',
		'%5C',
		'~',
		'em_',
		'a;b=c',
		'%25',
	),
	fc.integer({ min: 200, max: 10_000 }).map((n) => 'A'.repeat(n)),
);

// --- Tool arguments that are invalid by construction -------------------------------------------

type JsonType = 'integer' | 'number' | 'string' | 'boolean' | 'array' | 'object' | 'null';

const ALL_WRONG: readonly { text: string; types: readonly JsonType[] }[] = [
	{ text: '1.5', types: ['number'] },
	{ text: '-7', types: ['integer', 'number'] },
	{ text: '1e308', types: ['integer', 'number'] },
	{ text: '"1"', types: ['string'] },
	{ text: '"12345678901234567890"', types: ['string'] },
	{ text: '""', types: ['string'] },
	{ text: '"\\ud800"', types: ['string'] },
	{ text: 'true', types: ['boolean'] },
	{ text: 'false', types: ['boolean'] },
	{ text: 'null', types: ['null'] },
	{ text: '[]', types: ['array'] },
	{ text: '[1,"a",null]', types: ['array'] },
	{ text: '{}', types: ['object'] },
	{ text: '{"__proto__":{"admin":true}}', types: ['object'] },
	{ text: '{"constructor":{"prototype":{"x":1}}}', types: ['object'] },
	{ text: nestedText(5_000, 'array'), types: ['array'] },
	{ text: nestedText(5_000, 'object'), types: ['object'] },
	{ text: JSON.stringify('z'.repeat(100_000)), types: ['string'] },
];

function typesOf(schema: JsonSchema): JsonType[] | null {
	const t = schema['type'];
	if (typeof t === 'string') return [t as JsonType];
	if (Array.isArray(t)) return t as JsonType[];
	return null;
}

/** Does a value of JSON type `actual` satisfy `allowed`? (an integer satisfies number) */
function satisfies(actual: JsonType, allowed: readonly JsonType[]): boolean {
	return allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
}

/** JSON texts whose type does not fit `schema` (empty when the schema has no `type`). */
export function wrongTypedValues(schema: JsonSchema): string[] {
	const allowed = typesOf(schema);
	if (!allowed) return [];
	return ALL_WRONG.filter((w) => !w.types.some((t) => satisfies(t, allowed))).map((w) => w.text);
}

/** A plausible value for `schema` (not necessarily valid: only the mutation must make the call invalid). */
function plausibleValue(schema: JsonSchema): string {
	const en = schema['enum'];
	if (Array.isArray(en) && en.length > 0) return JSON.stringify(en[0]);
	switch (typesOf(schema)?.[0]) {
		case 'integer':
		case 'number':
			return '1';
		case 'boolean':
			return 'false';
		case 'array':
			return '[]';
		case 'object':
			return '{}';
		default:
			return '"x"';
	}
}

/** Cursors a tool must refuse: tampered ones, and real ones issued by another tool or server (`tool: null`). */
export interface CursorPool {
	tampered: readonly string[];
	foreign: readonly { tool: string | null; cursor: string }[];
}

/** A tools/call arguments object that `spec` must refuse, as JSON text, with why it is invalid. */
export interface InvalidArgs {
	argsText: string;
	why: string;
}

/** Arguments for `spec` that are invalid by construction (at least one mutation that no schema allows). */
export function invalidArgsFor(spec: ToolSpec, cursors: CursorPool): fc.Arbitrary<InvalidArgs> {
	const props = Object.entries(spec.inputSchema.properties);
	const required = spec.inputSchema.required ?? [];
	const mutations: fc.Arbitrary<{ apply: (m: Map<string, string>) => void; why: string }>[] = [];

	if (spec.inputSchema.additionalProperties === false) {
		mutations.push(
			fc
				.tuple(
					oddKey.filter(
						(k) => !Object.prototype.hasOwnProperty.call(spec.inputSchema.properties, k),
					),
					jsonText,
				)
				.map(([k, v]) => ({
					apply: (m) => m.set(k, v),
					why: `unknown argument ${JSON.stringify(k)}`,
				})),
		);
	}
	const typed = props.filter(([, s]) => wrongTypedValues(s).length > 0);
	if (typed.length > 0) {
		mutations.push(
			fc.constantFrom(...typed).chain(([name, s]) =>
				fc.constantFrom(...wrongTypedValues(s)).map((v) => ({
					apply: (m: Map<string, string>) => m.set(name, v),
					why: `${name} of the wrong type`,
				})),
			),
		);
	}
	if (required.length > 0) {
		mutations.push(
			fc.constantFrom(...required).map((name) => ({
				apply: (m: Map<string, string>) => m.delete(name),
				why: `required ${name} missing`,
			})),
		);
	}
	const enums = props.filter(([, s]) => Array.isArray(s['enum']) && typesOf(s)?.[0] === 'string');
	if (enums.length > 0) {
		mutations.push(
			fc.constantFrom(...enums).chain(([name, s]) =>
				oddString
					.filter((v) => !(s['enum'] as unknown[]).includes(v))
					.map((v) => ({
						apply: (m: Map<string, string>) => m.set(name, JSON.stringify(v)),
						why: `${name} outside its enum`,
					})),
			),
		);
	}
	if (spec.method === 'list') {
		mutations.push(
			fc
				.constantFrom('0', '-1', '101', '1000000', '1.5', '-0.5', '1e308')
				.map((v) => ({ apply: (m: Map<string, string>) => m.set('limit', v), why: `limit ${v}` })),
		);
		const refused = [
			...cursors.tampered,
			...cursors.foreign.filter((f) => f.tool !== spec.name).map((f) => f.cursor),
		];
		const forged = fc.oneof(
			oddString.filter((s) => s !== ''),
			fc.constantFrom(...refused),
			fc
				.tuple(jsonText, fc.uint8Array({ minLength: 0, maxLength: 24 }))
				.map(([payload, sig]) => `${b64url(new TextEncoder().encode(payload))}.${b64url(sig)}`),
			fc.integer({ min: 4_097, max: 20_000 }).map((n) => `${'A'.repeat(n)}.AAAAAAAAAAAAAAAAAAAAAA`),
			fc.constantFrom('a.b.c', '.', '..', 'x.', '.x', 'eyJ9.AAAAAAAAAAAAAAAAAAAAAA'),
		);
		mutations.push(
			forged.map((c) => ({
				apply: (m: Map<string, string>) => m.set('next_cursor', JSON.stringify(c)),
				why: 'forged next_cursor',
			})),
		);
	}
	const base = new Map(
		required.map(
			(name) => [name, plausibleValue(spec.inputSchema.properties[name] ?? {})] as const,
		),
	);
	return fc.array(fc.oneof(...mutations), { minLength: 1, maxLength: 3 }).map((chosen) => {
		const args = new Map(base);
		for (const m of chosen) m.apply(args);
		return { argsText: objectText([...args.entries()]), why: chosen.map((m) => m.why).join('; ') };
	});
}

/** base64url without padding. */
export function b64url(bytes: Uint8Array): string {
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
