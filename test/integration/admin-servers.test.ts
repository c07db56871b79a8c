/** /integrated-account/:id/mcp: create (token shown once), list, read, update, revoke, preview. */
import { beforeAll, describe, expect, it } from 'vitest';
import { findTool } from '../../worker/tools/catalog';
import {
	ADMIN_ORIGIN,
	adminFetch,
	adminJson,
	inSeconds,
	mintApiToken,
	putTestAccount,
} from '../helpers/admin';
import { rpc } from '../helpers/mcp';
import { READ_CREATE_TICKETS_TOOLS, READ_TICKETS_TOOLS, READ_TOOLS } from '../helpers/tool-sets';

let accountId: string;
let otherAccountId: string;
beforeAll(async () => {
	accountId = await putTestAccount('Servers');
	otherAccountId = await putTestAccount('Other');
});

const base = (): string => `/integrated-account/${accountId}/mcp`;

function createServer(json: unknown, path = base()): ReturnType<typeof adminJson> {
	return adminJson(path, { method: 'POST', json });
}

async function toolNames(url: string, headers: Record<string, string> = {}): Promise<string[]> {
	const { body } = await rpc(url, 'tools/list', {}, headers);
	return (body.result.tools as { name: string }[]).map((t) => t.name);
}

describe('POST /integrated-account/:id/mcp', () => {
	it('creates a server and shows its token and URL once', async () => {
		const { response, body } = await createServer({ name: 'Support bot' });
		expect(response.status).toBe(201);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(body).toEqual({
			id: expect.any(String),
			account_id: accountId,
			name: 'Support bot',
			config: { methods: ['read'], tags: [], require_api_token_auth: false, tool_exposure: 'all' },
			expires_at: null,
			created_at: expect.any(String),
			seeded: false,
			// Activity figures (a new server has none).
			last_used_at: null,
			calls_24h: 0,
			errors_24h: 0,
			token: expect.stringMatching(/^em_[A-Za-z0-9_-]{43}$/),
			url: expect.stringMatching(new RegExp(`^${ADMIN_ORIGIN}/mcp/em_`)),
		});
		expect(body.url).toBe(`${ADMIN_ORIGIN}/mcp/${body.token}`);
		expect(body).not.toHaveProperty('token_hash');
	});

	it('gives the MCP URL exactly the tools its filters select', async () => {
		const config = { methods: ['read', 'create'], tags: ['tickets'] };
		const { body } = await createServer({ name: 'Tickets', config });
		expect(await toolNames(body.url)).toEqual(READ_CREATE_TICKETS_TOOLS);
	});

	it('stores a normalised expiry', async () => {
		const at = new Date(Date.now() + 3_600_000);
		const offset = at.toISOString().replace('Z', '+00:00');
		const { response, body } = await createServer({ name: 'Temp', expires_at: offset });
		expect(response.status).toBe(201);
		expect(body.expires_at).toBe(at.toISOString());
	});

	it.each([
		[{ name: 'x', config: { methods: ['admin'] } }, 'methods: unknown method "admin"'],
		[{ name: 'x', config: { tags: ['invoices'] } }, 'tags: unknown tag "invoices"'],
		[{ name: 'x', config: { methods: ['delete'], tags: ['account'] } }, 'leave no tool'],
		[{ name: 'x', config: { methods: [] } }, 'methods: choose at least one'],
		[{ name: 'x', config: { methods: 'read' } }, 'config.methods: must be an array of strings'],
		[{ name: 'x', config: { method: ['read'] } }, 'config: unknown field(s): method'],
		[
			{ name: 'x', config: { require_api_token_auth: 'yes' } },
			'config.require_api_token_auth: must be true or false',
		],
		[
			{ name: 'x', expires_at: '2001-01-01T00:00:00Z' },
			'expires_at: must be at least 60 seconds in the future',
		],
		[{ name: 'x', expires_at: 'tomorrow' }, 'expires_at: must be an ISO 8601 date-time'],
		[
			{ name: 'x', expires_at: 1893456000 },
			'expires_at: must be an ISO 8601 date-time string or null',
		],
		[{ config: {} }, 'name: is required'],
	])('answers 400 for %j', async (json, message) => {
		const { response, body } = await createServer(json);
		expect(response.status).toBe(400);
		expect(body.error.code).toBe('invalid_request');
		expect(body.error.message).toContain(message);
		expect(body.error.message).not.toMatch(/ZodError|"code":/);
	});

	it('answers 400 for an expiry under 60 s ahead', async () => {
		const { response, body } = await createServer({ name: 'x', expires_at: inSeconds(30) });
		expect(response.status).toBe(400);
		expect(body.error.message).toContain('at least 60 seconds');
	});

	it('answers 404 for an unknown account', async () => {
		const { response, body } = await createServer(
			{ name: 'x' },
			`/integrated-account/${crypto.randomUUID()}/mcp`,
		);
		expect(response.status).toBe(404);
		expect(body.error.code).toBe('not_found');
	});
});

describe('GET /integrated-account/:id/mcp[/:mcp_id]', () => {
	it('lists and reads servers without tokens or token hashes', async () => {
		const created = await createServer({ name: 'Listed' });
		const list = await adminFetch(base());
		expect(list.status).toBe(200);
		const text = await list.text();
		expect(text).not.toContain(created.body.token);
		expect(text).not.toContain('token_hash');
		const servers = JSON.parse(text).data;
		expect(servers).toEqual(
			expect.arrayContaining([expect.objectContaining({ id: created.body.id, name: 'Listed' })]),
		);
		const one = await adminJson(`${base()}/${created.body.id}`);
		expect(one.response.status).toBe(200);
		const { token: _token, url: _url, ...view } = created.body;
		expect(one.body).toEqual(view);
	});

	it('answers 404 for an unknown server, or a server of another account', async () => {
		const created = await createServer({ name: 'Mine' });
		expect((await adminFetch(`${base()}/${crypto.randomUUID()}`)).status).toBe(404);
		const other = await adminJson(`/integrated-account/${otherAccountId}/mcp/${created.body.id}`);
		expect(other.response.status).toBe(404);
		expect(other.body.error.message).toContain('No MCP server');
	});
});

describe('PATCH /integrated-account/:id/mcp/:mcp_id', () => {
	it('renames without touching the config', async () => {
		const created = await createServer({
			name: 'Old',
			config: { methods: ['read'], tags: ['tickets'] },
		});
		const { response, body } = await adminJson(`${base()}/${created.body.id}`, {
			method: 'PATCH',
			json: { name: 'New' },
		});
		expect(response.status).toBe(200);
		expect(body).toMatchObject({ name: 'New', config: { methods: ['read'], tags: ['tickets'] } });
	});

	it('merges config shallowly and changes the tools at once', async () => {
		const created = await createServer({
			name: 'Widen',
			config: { methods: ['read'], tags: ['tickets'] },
		});
		const { body } = await adminJson(`${base()}/${created.body.id}`, {
			method: 'PATCH',
			json: { config: { tags: [] } },
		});
		expect(body.config).toEqual({
			methods: ['read'],
			tags: [],
			require_api_token_auth: false,
			tool_exposure: 'all',
		});
		expect(await toolNames(created.body.url)).toEqual(READ_TOOLS);
	});

	it('answers 400 for an empty patch, a bad filter or a past expiry, and 404 for an unknown server', async () => {
		const created = await createServer({ name: 'Bad patch' });
		const path = `${base()}/${created.body.id}`;
		const empty = await adminJson(path, { method: 'PATCH', json: {} });
		expect(empty.response.status).toBe(400);
		expect(empty.body.error.message).toContain('send at least one of name, config, expires_at');
		const filter = await adminJson(path, { method: 'PATCH', json: { config: { tags: ['nope'] } } });
		expect(filter.body.error.message).toContain('tags: unknown tag "nope"');
		const past = await adminJson(path, { method: 'PATCH', json: { expires_at: inSeconds(-10) } });
		expect(past.response.status).toBe(400);
		const unknown = await adminFetch(`${base()}/${crypto.randomUUID()}`, {
			method: 'PATCH',
			json: { name: 'x' },
		});
		expect(unknown.status).toBe(404);
	});
});

describe('DELETE /integrated-account/:id/mcp/:mcp_id', () => {
	it('revokes the URL at once', async () => {
		const created = await createServer({ name: 'Revoke me' });
		expect((await rpc(created.body.url, 'tools/list')).response.status).toBe(200);
		const { response, body } = await adminJson(`${base()}/${created.body.id}`, {
			method: 'DELETE',
		});
		expect(response.status).toBe(200);
		expect(body).toEqual({ id: created.body.id, deleted: true });
		expect((await rpc(created.body.url, 'tools/list')).response.status).toBe(404);
		expect((await adminFetch(`${base()}/${created.body.id}`)).status).toBe(404);
		expect((await adminFetch(`${base()}/${created.body.id}`, { method: 'DELETE' })).status).toBe(
			404,
		);
	});
});

describe('require_api_token_auth', () => {
	it('makes the MCP URL also require an API token', async () => {
		const created = await createServer({
			name: 'Locked',
			config: { require_api_token_auth: true },
		});
		const bare = await rpc(created.body.url, 'tools/list');
		expect(bare.response.status).toBe(401);
		expect(bare.response.headers.get('www-authenticate')).toMatch(/^Bearer realm="edesk-mcp"/);
		const bad = await rpc(created.body.url, 'tools/list', {}, { authorization: 'Bearer nope' });
		expect(bad.response.status).toBe(401);
		const names = await toolNames(created.body.url, {
			authorization: `Bearer ${await mintApiToken()}`,
		});
		expect(names.length).toBeGreaterThan(0);
	});

	it('accepts an mcp-scoped token on the MCP URL and refuses a token without scope', async () => {
		const created = await createServer({
			name: 'Contractor',
			config: { require_api_token_auth: true },
		});
		const mcpToken = await mintApiToken({ scope: 'mcp', sub: 'contractor' });
		expect(
			(await toolNames(created.body.url, { authorization: `Bearer ${mcpToken}` })).length,
		).toBeGreaterThan(0);
		const unscoped = await rpc(
			created.body.url,
			'tools/list',
			{},
			{ authorization: `Bearer ${await mintApiToken({ scope: null })}` },
		);
		expect(unscoped.response.status).toBe(403);
		expect(unscoped.response.headers.get('www-authenticate')).toContain(
			'error="insufficient_scope"',
		);
	});
});

describe('API token scopes', () => {
	it('refuses an mcp-scoped token on the management API with 403 insufficient_scope', async () => {
		const token = await mintApiToken({ scope: 'mcp' });
		const res = await adminFetch('/integrated-account', { token });
		expect(res.status).toBe(403);
		expect(res.headers.get('www-authenticate')).toBe(
			'Bearer realm="edesk-mcp", error="insufficient_scope", scope="admin"',
		);
		expect(await res.json()).toMatchObject({ error: { code: 'insufficient_scope' } });
	});
});

describe('POST /integrated-account/:id/mcp/preview', () => {
	it('lists the tools a config would expose, by the same filter', async () => {
		const config = { methods: ['read'], tags: ['tickets'] };
		const { response, body } = await adminJson(`${base()}/preview`, {
			method: 'POST',
			json: { config },
		});
		expect(response.status).toBe(200);
		expect(body).toEqual({
			tools: READ_TICKETS_TOOLS.map((name) => ({
				name,
				description: findTool(name)?.description,
				method: name.startsWith('list_') || name === 'search' ? 'list' : 'get',
			})),
			count: 6,
			tool_exposure: 'all',
			listed: [...READ_TICKETS_TOOLS],
			tokens_estimate: expect.any(Number),
		});
		expect(
			body.tools.every((t: { method: string }) => t.method === 'list' || t.method === 'get'),
		).toBe(true);
	});

	it('uses the default config (read, all tags) when none is sent', async () => {
		const { body } = await adminJson(`${base()}/preview`, { method: 'POST', json: {} });
		expect(body.count).toBe(READ_TOOLS.length);
		expect(body.tools.map((t: { name: string }) => t.name)).toEqual(READ_TOOLS);
	});

	it('answers 400 for an unknown tag and 405 for GET', async () => {
		const bad = await adminJson(`${base()}/preview`, {
			method: 'POST',
			json: { config: { tags: ['nope'] } },
		});
		expect(bad.response.status).toBe(400);
		expect(bad.body.error.message).toContain('tags: unknown tag "nope"');
		expect((await adminFetch(`${base()}/preview`)).status).toBe(405);
	});
});
