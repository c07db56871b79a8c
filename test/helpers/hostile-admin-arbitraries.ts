/**
 * fast-check arbitraries for the management API sweep: forged API tokens, and request bodies that each
 * route must refuse by construction (at least one mutation no schema allows).
 */
import fc from 'fast-check';
import { jsonText, objectText, oddKey, oddString } from './hostile-arbitraries';

/** A body as JSON text plus why it must be refused. */
export interface InvalidBody {
	text: string;
	why: string;
}

type Mutation = { apply: (m: Map<string, string>) => void; why: string };

const wrongName = fc.constantFrom(
	'1',
	'null',
	'true',
	'[]',
	'{}',
	'""',
	'"   "',
	JSON.stringify('x'.repeat(101)),
	JSON.stringify(' '.repeat(5000)),
);
const wrongToken = fc.constantFrom(
	'1',
	'null',
	'false',
	'[]',
	'{}',
	'""',
	'"  \\t "',
	JSON.stringify('t'.repeat(4097)),
);
const wrongBaseUrl = fc.constantFrom(
	'1',
	'null',
	'[]',
	'"not a url"',
	'"ftp://api.edesk.com/v1"',
	'"http://evil.example/v1"',
	'"https://user:pw@api.edesk.com/v1"',
	'"https://api.edesk.com/v1?x=1"',
	'"https://api.edesk.com/v1#frag"',
	'"javascript:alert(1)"',
	'"data:text/plain,hi"',
	'"file:///etc/passwd"',
	'"http://169.254.169.254/latest"',
	JSON.stringify(`https://x.example/${'a'.repeat(2100)}`),
);
const wrongConfig = fc.constantFrom('1', '"read"', '[]', 'true', 'null', '[{"methods":["read"]}]');
const wrongMethods = fc.constantFrom(
	'"read"',
	'1',
	'null',
	'{}',
	'[1]',
	'[null]',
	'["nope"]',
	'["READ"]',
	'["read","bogus"]',
	'["__proto__"]',
	'["constructor"]',
	'[]',
	JSON.stringify(Array.from({ length: 21 }, () => 'read')),
);
const wrongTags = fc.constantFrom(
	'"tickets"',
	'1',
	'null',
	'{}',
	'[1]',
	'["no-such-tag"]',
	'["__proto__"]',
	'["toString"]',
	JSON.stringify(Array.from({ length: 101 }, () => 'tickets')),
);
const wrongAuthFlag = fc.constantFrom('"true"', '1', '0', 'null', '[]', '{}', '"false"');
/** config.tool_exposure values that must be refused (only "all" and "discovery" exist). */
const wrongExposure = fc.constantFrom(
	'"some"',
	'"ALL"',
	'"Discovery"',
	'""',
	'true',
	'1',
	'null',
	'[]',
);

/** expires_at values that must be refused (`now` = Date.now() when the arbitrary is built). */
function wrongExpiresAt(now: number): fc.Arbitrary<string> {
	return fc.constantFrom(
		'1',
		'true',
		'[]',
		'{}',
		'"tomorrow"',
		'"2030-13-01T00:00:00Z"',
		'"2030-01-01"',
		'"1970-01-01T00:00:00Z"',
		JSON.stringify(new Date(now - 86_400_000).toISOString()),
		JSON.stringify(new Date(now + 5_000).toISOString()),
		'"\\ud800"',
		JSON.stringify('2'.repeat(10_000)),
	);
}

function extraKey(known: readonly string[]): fc.Arbitrary<Mutation> {
	return fc
		.tuple(
			oddKey.filter((k) => !known.includes(k)),
			jsonText,
		)
		.map(([k, v]) => ({
			apply: (m: Map<string, string>) => m.set(k, v),
			why: `unknown key ${JSON.stringify(k)}`,
		}));
}

function setter(key: string, values: fc.Arbitrary<string>, what: string): fc.Arbitrary<Mutation> {
	return values.map((v) => ({
		apply: (m: Map<string, string>) => m.set(key, v),
		why: `${what} ${v.slice(0, 40)}`,
	}));
}

function build(
	base: readonly (readonly [string, string])[],
	mutations: fc.Arbitrary<Mutation>[],
): fc.Arbitrary<InvalidBody> {
	return fc.array(fc.oneof(...mutations), { minLength: 1, maxLength: 3 }).map((chosen) => {
		const m = new Map(base);
		for (const c of chosen) c.apply(m);
		return { text: objectText([...m.entries()]), why: chosen.map((c) => c.why).join('; ') };
	});
}

/** Bodies of `POST /integrated-account` that must get a 4xx (base_url is never a reachable real host). */
export function invalidAccountBody(sandboxBaseUrl: string): fc.Arbitrary<InvalidBody> {
	const base: [string, string][] = [
		['name', JSON.stringify('Hostile shop')],
		['api_token', JSON.stringify('sandbox-full-access')],
		['base_url', JSON.stringify(sandboxBaseUrl)],
	];
	return build(base, [
		extraKey(['name', 'api_token', 'base_url']),
		setter('name', wrongName, 'name'),
		setter('api_token', wrongToken, 'api_token'),
		setter('base_url', wrongBaseUrl, 'base_url'),
		// A token the sandbox rejects: eDesk /whoami says 401, the API says 400 and stores nothing.
		fc.constant<Mutation>({
			apply: (m) => m.set('api_token', '"sandbox-not-a-token"'),
			why: 'eDesk rejects the token',
		}),
		fc.constant<Mutation>({ apply: (m) => m.delete('name'), why: 'name missing' }),
		fc.constant<Mutation>({ apply: (m) => m.delete('api_token'), why: 'api_token missing' }),
	]);
}

/** Server config mutations shared by create, update and preview. */
function configMutations(now: number, withExpiry: boolean): fc.Arbitrary<Mutation>[] {
	const inConfig = (key: string, values: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
		values.map((v) => ({
			apply: (m: Map<string, string>) =>
				m.set(
					'config',
					objectText([
						['methods', '["read"]'],
						[key, v],
					]),
				),
			why: `config.${key} ${v.slice(0, 40)}`,
		}));
	const list = [
		setter('config', wrongConfig, 'config'),
		inConfig('methods', wrongMethods),
		inConfig('tags', wrongTags),
		inConfig('require_api_token_auth', wrongAuthFlag),
		inConfig('tool_exposure', wrongExposure),
		fc
			.tuple(
				oddKey.filter(
					(k) => !['methods', 'tags', 'require_api_token_auth', 'tool_exposure'].includes(k),
				),
				jsonText,
			)
			.map(([k, v]) => ({
				apply: (m: Map<string, string>) =>
					m.set(
						'config',
						objectText([
							['methods', '["read"]'],
							[k, v],
						]),
					),
				why: `unknown config key ${JSON.stringify(k)}`,
			})),
	];
	if (withExpiry) list.push(setter('expires_at', wrongExpiresAt(now), 'expires_at'));
	return list;
}

/** Bodies of `POST /integrated-account/:id/mcp` that must get a 4xx. */
export function invalidServerBody(now: number): fc.Arbitrary<InvalidBody> {
	const base: [string, string][] = [
		['name', '"hostile"'],
		['config', '{"methods":["read"],"tags":[],"require_api_token_auth":false}'],
		['expires_at', 'null'],
	];
	return build(base, [
		extraKey(['name', 'config', 'expires_at']),
		setter('name', wrongName, 'name'),
		fc.constant<Mutation>({ apply: (m) => m.delete('name'), why: 'name missing' }),
		...configMutations(now, true),
	]);
}

/** Bodies of `PATCH /integrated-account/:id/mcp/:mcp_id` that must get a 4xx. */
export function invalidUpdateBody(now: number): fc.Arbitrary<InvalidBody> {
	return fc.oneof(
		fc.constant<InvalidBody>({ text: '{}', why: 'nothing to change' }),
		build(
			[],
			[
				extraKey(['name', 'config', 'expires_at']),
				setter('name', wrongName, 'name'),
				...configMutations(now, true),
			],
		),
	);
}

/** Bodies of `POST /integrated-account/:id/mcp/preview` that must get a 4xx. */
export function invalidPreviewBody(now: number): fc.Arbitrary<InvalidBody> {
	return build([], [extraKey(['config']), ...configMutations(now, false)]);
}

/** Whole bodies that are not an object of the right shape, or not JSON at all. */
export const nonObjectBody: fc.Arbitrary<InvalidBody> = fc.oneof(
	fc
		.constantFrom(
			'[]',
			'[{"name":"x"}]',
			'"x"',
			'1',
			'true',
			'null',
			'{"name":"x"',
			'{name:"x"}',
			"{'name':'x'}",
			'{"name":"x"}}',
			'\u0000',
			'{"name":"\\ud800"',
		)
		.map((text) => ({ text, why: 'not an object' })),
	oddString
		.filter((s) => s.trim() !== '' && !isJsonObject(s))
		.map((text) => ({ text, why: 'not a JSON object' })),
);

function isJsonObject(text: string): boolean {
	try {
		const v: unknown = JSON.parse(text);
		return typeof v === 'object' && v !== null && !Array.isArray(v);
	} catch {
		return false;
	}
}

/** Content types the management API must refuse with 415. */
export const nonJsonContentType = fc.constantFrom(
	'text/plain',
	'text/json',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=x',
	'application/xml',
	'application/octet-stream',
	'jsonp',
	'application/javascript',
);
