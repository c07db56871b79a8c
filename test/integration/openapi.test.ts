/**
 * The management API's OpenAPI document: it documents every management route, and real answers of
 * the Worker (successes and errors) match the response schema the document gives for their path,
 * method and status, with the headers it says are required.
 */
import { Validator, type Schema } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../worker/admin/openapi';
import { activityOf } from '../helpers/activity';
import {
	adminFetch,
	inSeconds,
	mintApiToken,
	SANDBOX_FULL_TOKEN,
	type AdminInit,
} from '../helpers/admin';
import { callTool, createTestServer, sandboxControl } from '../helpers/mcp';
import { signIn } from '../helpers/oauth';
import { SANDBOX_BASE_URL } from '../../worker/config';

/** Every management route of worker/router.ts, written out by hand. */
const MANAGEMENT_ROUTES = [
	'GET /integrated-account/meta',
	'GET /integrated-account',
	'POST /integrated-account',
	'GET /integrated-account/{id}',
	'DELETE /integrated-account/{id}',
	'GET /integrated-account/{id}/mcp',
	'POST /integrated-account/{id}/mcp',
	'POST /integrated-account/{id}/mcp/preview',
	'GET /integrated-account/{id}/mcp/{mcp_id}',
	'PATCH /integrated-account/{id}/mcp/{mcp_id}',
	'DELETE /integrated-account/{id}/mcp/{mcp_id}',
	'GET /integrated-account/{id}/mcp/{mcp_id}/activity',
	'GET /integrated-account/{id}/mcp/{mcp_id}/grants',
	'DELETE /integrated-account/{id}/mcp/{mcp_id}/grants/{grant_id}',
	'GET /api-tokens/revocations',
	'POST /api-tokens/revocations',
];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Json = Record<string, any>;
const doc = JSON.parse(JSON.stringify(buildOpenApiDocument())) as Json;

/** The object a `$ref` (or a chain of them) points at in the document. */
function deref(node: Json): Json {
	let current = node;
	while (typeof current.$ref === 'string') {
		const ref: string = current.$ref;
		expect(ref.startsWith('#/')).toBe(true);
		current = ref
			.slice(2)
			.split('/')
			.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
			.reduce((at: Json, part) => at?.[part], doc);
		expect(current, `unresolved ${ref}`).toBeDefined();
	}
	return current;
}

/** Every documented operation as `METHOD template`. */
function documentedOperations(): string[] {
	return Object.entries(doc.paths as Record<string, Json>).flatMap(([template, item]) =>
		HTTP_METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${template}`),
	);
}

const validators = new Map<string, Validator>();

/** A draft 2020-12 validator of `schema`, its `$ref`s resolved against the document's components. */
function validatorOf(key: string, schema: Json): Validator {
	let validator = validators.get(key);
	if (!validator) {
		const root = structuredClone({ ...schema, components: doc.components }) as Schema;
		validator = new Validator(root, '2020-12', false);
		validators.set(key, validator);
	}
	return validator;
}

/** `METHOD template status` of every answer checked against the document. */
const seen = new Set<string>();

/**
 * Sends `init` to `path` (an instance of `template`) and checks the answer against the document:
 * its status is documented for the operation, its JSON body fits that response's schema and its
 * required headers are there; a JSON body the Worker accepted must fit the documented request body.
 */
async function call(
	method: string,
	template: string,
	path: string,
	init: AdminInit = {},
): Promise<{ status: number; body: any; response: Response }> {
	const response = await adminFetch(path, { ...init, method });
	const text = await response.text();
	const body = text ? JSON.parse(text) : null;
	const where = `${method} ${path} → ${response.status} ${text.slice(0, 300)}`;
	const operation = doc.paths[template]?.[method.toLowerCase()];
	expect(operation, `${method} ${template} is not documented`).toBeDefined();
	const documented = operation.responses[String(response.status)];
	expect(documented, `status not documented: ${where}`).toBeDefined();
	checkAgainst(
		`${method} ${template} ${response.status}`,
		deref(documented),
		response,
		body,
		where,
	);
	if (response.ok && init.json !== undefined) {
		const sent = operation.requestBody?.content?.['application/json']?.schema;
		expect(sent, `no request body documented for ${method} ${template}`).toBeDefined();
		const accepted = validatorOf(`${method} ${template} body`, sent).validate(init.json);
		expect(accepted.valid, `the document refuses the body ${where} accepted`).toBe(true);
	}
	seen.add(`${method} ${template} ${response.status}`);
	return { status: response.status, body, response };
}

/** Checks an answer against one documented response: JSON, its schema, its required headers. */
function checkAgainst(
	key: string,
	documented: Json,
	response: Response,
	body: unknown,
	where: string,
) {
	const media = documented.content?.['application/json'];
	expect(media?.schema, `no JSON schema for ${key}`).toBeDefined();
	expect(response.headers.get('content-type') ?? '').toMatch(/^application\/json\b/);
	const result = validatorOf(key, media.schema).validate(body);
	expect(
		result.valid,
		`${where}\ndoes not match the document:\n${result.errors
			.map((e) => `${e.instanceLocation} ${e.keyword}: ${e.error}`)
			.join('\n')}`,
	).toBe(true);
	for (const [name, header] of Object.entries((documented.headers ?? {}) as Record<string, Json>)) {
		if (deref(header).required)
			expect(response.headers.get(name), `${name}: ${where}`).not.toBeNull();
	}
}

/** `template` with its `{params}` filled in. */
function fill(template: string, params: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = params[name];
		if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
		return value;
	});
}

const ACCOUNT = '/integrated-account/{id}';
const SERVERS = `${ACCOUNT}/mcp`;
const SERVER = `${SERVERS}/{mcp_id}`;
const ACTIVITY = `${SERVER}/activity`;
const GRANTS = `${SERVER}/grants`;
const GRANT = `${GRANTS}/{grant_id}`;
const REVOCATIONS = '/api-tokens/revocations';

describe('the OpenAPI document', () => {
	it('is OpenAPI 3.1 and documents every management route, each behind the bearer API token', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.info.title).toBe('edesk-mcp management API');
		expect(JSON.parse(JSON.stringify(buildOpenApiDocument()))).toEqual(doc);
		expect(documentedOperations().sort()).toEqual([...MANAGEMENT_ROUTES].sort());
		const scheme = doc.components.securitySchemes.apiToken;
		expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
		for (const route of MANAGEMENT_ROUTES) {
			const [method, template] = route.split(' ') as [string, string];
			const operation = doc.paths[template][method.toLowerCase()];
			expect(operation.security ?? doc.security, route).toEqual([{ apiToken: [] }]);
			const pathParams = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			const declared = (operation.parameters ?? [])
				.map(deref)
				.filter((p: Json) => p.in === 'path')
				.map((p: Json) => p.name)
				.sort();
			expect(declared, route).toEqual(pathParams);
			for (const status of ['401', '403']) expect(operation.responses[status], route).toBeDefined();
		}
	});

	it('is strict: views refuse unknown and missing fields', () => {
		const server = deref(doc.components.schemas.ServerView);
		expect(server.additionalProperties).toBe(false);
		expect(server.required).toContain('calls_24h');
		const validator = validatorOf('ServerView', { $ref: '#/components/schemas/ServerView' });
		const valid = {
			id: 's',
			account_id: 'a',
			name: 'n',
			config: { methods: ['read'], tags: [], require_api_token_auth: false, tool_exposure: 'all' },
			expires_at: null,
			created_at: '2026-01-01T00:00:00.000Z',
			seeded: false,
			last_used_at: null,
			calls_24h: 0,
			errors_24h: 0,
		};
		expect(validator.validate(valid).valid).toBe(true);
		expect(validator.validate({ ...valid, token: 'leaked' }).valid).toBe(false);
		const { calls_24h: _, ...missing } = valid;
		expect(validator.validate(missing).valid).toBe(false);
		expect(validator.validate({ ...valid, created_at: 'yesterday' }).valid).toBe(false);
	});
});

describe('real answers match the document', () => {
	it('accounts: connect, list, read, meta and their errors', async () => {
		const created = await call('POST', '/integrated-account', '/integrated-account', {
			json: { name: 'OpenAPI shop', api_token: SANDBOX_FULL_TOKEN, base_url: SANDBOX_BASE_URL },
		});
		expect(created.status).toBe(201);
		const id: string = created.body.id;
		expect(
			(
				await call('POST', '/integrated-account', '/integrated-account', {
					json: { name: '', api_token: 7 },
				})
			).status,
		).toBe(400);
		expect(
			(
				await call('POST', '/integrated-account', '/integrated-account', {
					json: { name: 'Bad', api_token: 'not-a-real-token', base_url: SANDBOX_BASE_URL },
				})
			).body.error.code,
		).toBe('invalid_edesk_credential');
		await sandboxControl('fail-next', { status: 500 });
		expect(
			(
				await call('POST', '/integrated-account', '/integrated-account', {
					json: { name: 'Down', api_token: SANDBOX_FULL_TOKEN, base_url: SANDBOX_BASE_URL },
				})
			).status,
		).toBe(502);
		expect(
			(
				await call('POST', '/integrated-account', '/integrated-account', {
					body: 'name=x',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
				})
			).status,
		).toBe(415);
		expect(
			(
				await call('POST', '/integrated-account', '/integrated-account', {
					json: { name: 'big', api_token: 'x'.repeat(1_100_000) },
				})
			).status,
		).toBe(413);

		const list = await call('GET', '/integrated-account', '/integrated-account');
		expect(list.body.data.map((a: { id: string }) => a.id)).toContain(id);
		expect((await call('GET', ACCOUNT, fill(ACCOUNT, { id }))).body.name).toBe('OpenAPI shop');
		expect((await call('GET', ACCOUNT, fill(ACCOUNT, { id: crypto.randomUUID() }))).status).toBe(
			404,
		);
		expect((await call('GET', ACCOUNT, fill(ACCOUNT, { id: 'no*such*shape' }))).status).toBe(404);
		const meta = await call('GET', '/integrated-account/meta', '/integrated-account/meta');
		expect(meta.status).toBe(200);
		expect(meta.body.methods).toContain('read');
	});

	it('servers: create, preview, list, read, change, revoke and their errors', async () => {
		const account = await call('POST', '/integrated-account', '/integrated-account', {
			json: { name: 'Servers shop', api_token: SANDBOX_FULL_TOKEN, base_url: SANDBOX_BASE_URL },
		});
		const id: string = account.body.id;
		const servers = fill(SERVERS, { id });
		const created = await call('POST', SERVERS, servers, {
			json: { name: 'Reader', config: { methods: ['read'] }, expires_at: inSeconds(3_600) },
		});
		expect(created.status).toBe(201);
		expect(created.body.url).toContain('/mcp/');
		const mcpId: string = created.body.id;
		expect(
			(await call('POST', SERVERS, servers, { json: { name: 'x', config: { methods: ['fly'] } } }))
				.status,
		).toBe(400);
		expect(
			(
				await call('POST', SERVERS, fill(SERVERS, { id: crypto.randomUUID() }), {
					json: { name: 'Orphan' },
				})
			).status,
		).toBe(404);

		const preview = fill(`${SERVERS}/preview`, { id });
		const previewed = await call('POST', `${SERVERS}/preview`, preview, { json: {} });
		expect(previewed.body.count).toBeGreaterThan(0);
		const discovery = await call('POST', `${SERVERS}/preview`, preview, {
			json: { config: { tool_exposure: 'discovery' } },
		});
		expect(discovery.body.listed).toEqual(['search_tools', 'get_tool_schema', 'call_tool']);
		expect(
			(
				await call('POST', `${SERVERS}/preview`, preview, {
					json: { config: { tags: 'orders' } },
				})
			).status,
		).toBe(400);
		expect(
			(
				await call('POST', `${SERVERS}/preview`, preview, {
					body: '{nope',
					headers: { 'content-type': 'application/json' },
				})
			).status,
		).toBe(400);

		expect((await call('GET', SERVERS, servers)).body.data).toHaveLength(1);
		expect((await call('GET', SERVERS, fill(SERVERS, { id: crypto.randomUUID() }))).status).toBe(
			404,
		);
		const server = fill(SERVER, { id, mcp_id: mcpId });
		expect((await call('GET', SERVER, server)).body.id).toBe(mcpId);
		expect(
			(await call('GET', SERVER, fill(SERVER, { id, mcp_id: crypto.randomUUID() }))).status,
		).toBe(404);
		const patched = await call('PATCH', SERVER, server, {
			json: { name: 'Renamed', expires_at: null },
		});
		expect(patched.body).toMatchObject({ name: 'Renamed', expires_at: null });
		const discovered = await call('PATCH', SERVER, server, {
			json: { config: { tool_exposure: 'discovery' } },
		});
		expect(discovered.body.config.tool_exposure).toBe('discovery');
		expect((await call('PATCH', SERVER, server, { json: {} })).status).toBe(400);
		expect(
			(await call('PATCH', SERVER, server, { json: { name: 'x', colour: 'red' } })).status,
		).toBe(400);
		expect(
			(
				await call('PATCH', SERVER, server, {
					body: 'name=x',
					headers: { 'content-type': 'text/plain' },
				})
			).status,
		).toBe(415);
		expect(
			(
				await call('PATCH', SERVER, fill(SERVER, { id, mcp_id: crypto.randomUUID() }), {
					json: { name: 'Nobody' },
				})
			).status,
		).toBe(404);

		expect((await call('DELETE', SERVER, server)).body).toEqual({ id: mcpId, deleted: true });
		expect((await call('DELETE', SERVER, server)).status).toBe(404);
		const deleted = await call('DELETE', ACCOUNT, fill(ACCOUNT, { id }));
		expect(deleted.body).toEqual({ id, deleted: true, revoked_mcp_servers: 0 });
		expect((await call('DELETE', ACCOUNT, fill(ACCOUNT, { id }))).status).toBe(404);
	});

	it('activity and grants: a page with records, a signed-in client, and their errors', async () => {
		const server = await createTestServer({ config: { methods: ['read'] } });
		const ids = { id: server.accountId, mcp_id: server.serverId };
		await callTool(server.url, 'get_single_e_desk_me');
		await callTool(server.url, 'get_single_e_desk_sales_order_by_id', { id: 99999999 });
		await activityOf(server, 2);
		const activity = fill(ACTIVITY, ids);
		const first = await call('GET', ACTIVITY, `${activity}?limit=1`);
		expect(first.body.data).toMatchObject([{ tool: 'get_single_e_desk_sales_order_by_id' }]);
		expect(first.body.data[0].record_ids).toEqual({ id: 99999999 });
		expect(first.body.next_cursor).toEqual(expect.any(String));
		const rest = await call(
			'GET',
			ACTIVITY,
			`${activity}?cursor=${first.body.next_cursor}&since=2020-01-01T00:00:00Z`,
		);
		expect(rest.body).toMatchObject({
			data: [{ tool: 'get_single_e_desk_me', record_ids: {} }],
			next_cursor: null,
		});
		expect((await call('GET', ACTIVITY, `${activity}?limit=many`)).status).toBe(400);
		expect((await call('GET', ACTIVITY, `${activity}?colour=red`)).status).toBe(400);
		expect(
			(
				await call(
					'GET',
					ACTIVITY,
					fill(ACTIVITY, { id: server.accountId, mcp_id: crypto.randomUUID() }),
				)
			).status,
		).toBe(404);

		const { tokens } = await signIn(server.url);
		expect(tokens.access_token).toEqual(expect.any(String));
		const grants = await call('GET', GRANTS, fill(GRANTS, ids));
		expect(grants.body.data).toHaveLength(1);
		expect(
			(
				await call(
					'GET',
					GRANTS,
					fill(GRANTS, { id: server.accountId, mcp_id: crypto.randomUUID() }),
				)
			).status,
		).toBe(404);
		const grant = fill(GRANT, { ...ids, grant_id: grants.body.data[0].id });
		expect((await call('DELETE', GRANT, grant)).body.revoked).toBe(true);
		expect((await call('DELETE', GRANT, grant)).status).toBe(404);
	});

	it('API token revocations: revoke, list and their errors', async () => {
		const jti = `openapi-${crypto.randomUUID()}`;
		const revoked = await call('POST', REVOCATIONS, REVOCATIONS, {
			json: { jti, reason: 'left the company' },
		});
		expect(revoked.status).toBe(201);
		const list = await call('GET', REVOCATIONS, REVOCATIONS);
		expect(list.body.data.map((r: { jti: string }) => r.jti)).toContain(jti);
		expect(
			(await call('POST', REVOCATIONS, REVOCATIONS, { json: { jti: 'no spaces' } })).status,
		).toBe(400);
		expect(
			(
				await call('POST', REVOCATIONS, REVOCATIONS, {
					body: 'jti=x',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
				})
			).status,
		).toBe(415);
	});

	it('every operation: 401 without a token and 403 with a token lacking the admin scope', async () => {
		const mcpToken = await mintApiToken({ scope: 'mcp' });
		const params = { id: crypto.randomUUID(), mcp_id: crypto.randomUUID(), grant_id: 'g-1' };
		for (const route of MANAGEMENT_ROUTES) {
			const [method, template] = route.split(' ') as [string, string];
			const json = method === 'POST' || method === 'PATCH' ? {} : undefined;
			const path = fill(template, params);
			const anonymous = await call(method, template, path, { token: null, json });
			expect(anonymous.status, route).toBe(401);
			expect(anonymous.response.headers.get('www-authenticate')).toMatch(/^Bearer /);
			expect((await call(method, template, path, { token: mcpToken, json })).status, route).toBe(
				403,
			);
		}
	});

	it('every path: 405 for a method it does not document, with the documented ones in Allow', async () => {
		const documented = doc.components.responses.MethodNotAllowed as Json;
		const params = { id: crypto.randomUUID(), mcp_id: crypto.randomUUID(), grant_id: 'g-1' };
		for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
			const allowed = HTTP_METHODS.filter((m) => item[m]).map((m) => m.toUpperCase());
			const method = ['PUT', 'PATCH', 'POST', 'DELETE'].find((m) => !allowed.includes(m))!;
			const response = await adminFetch(fill(template, params), { method });
			const text = await response.text();
			const where = `${method} ${template} → ${response.status} ${text}`;
			expect(response.status, where).toBe(405);
			checkAgainst('405', documented, response, JSON.parse(text), where);
			const allow = (response.headers.get('allow') ?? '').split(/,\s*/).sort();
			expect(allow, template).toEqual([...allowed].sort());
			seen.add(`${method} ${template} 405`);
		}
	});

	it('saw a success of every operation and the common errors', () => {
		for (const route of MANAGEMENT_ROUTES) {
			const statuses = [...seen]
				.filter((s) => s.startsWith(`${route} `))
				.map((s) => s.split(' ')[2]);
			expect(
				statuses.some((s) => s!.startsWith('2')),
				`${route}: no success seen`,
			).toBe(true);
			expect(statuses, route).toEqual(expect.arrayContaining(['401', '403']));
		}
		const all = new Set([...seen].map((s) => s.split(' ')[2]));
		for (const status of ['400', '404', '405', '413', '415', '502']) expect(all).toContain(status);
	});
});
