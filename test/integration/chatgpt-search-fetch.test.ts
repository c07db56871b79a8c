/**
 * ChatGPT's `search` and `fetch` (OpenAI's deep research / company knowledge standard) against the
 * bundled eDesk sandbox. Expected ids are written out from scripts/edesk-sandbox/seed-*.ts.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	callTool,
	createTestServer,
	resetSandbox,
	rpc,
	sandboxControl,
	SANDBOX_FULL_TOKEN,
	type TestServer,
} from '../helpers/mcp';

const SANDBOX = 'http://edesk-sandbox.local';
// seed-tickets.ts / seed-orders.ts / seed-directory.ts
const DANIEL_EMAIL = 'k7x2mq9pl3v8@marketplace.amazon.com';
const DANIEL_TICKETS = ['701581402', '701581455', '701581477', '701581498'];
const DANIEL_ORDERS = ['3777826010', '3777826102', '3777826195'];
const TICKET_URL = (id: string): string => `https://app.edesk.com/tickets/${id}`;

/** Exactly OpenAI's argument shapes: one required string, nothing else. */
const SEARCH_INPUT = {
	type: 'object',
	properties: { query: { type: 'string', description: 'What to look for' } },
	required: ['query'],
	additionalProperties: false,
};
const FETCH_INPUT = {
	type: 'object',
	properties: { id: { type: 'string', description: 'An id from search' } },
	required: ['id'],
	additionalProperties: false,
};
// As every read tool of the catalogue: the other two hints mean something only for a write tool.
const READ_ONLY = { readOnlyHint: true, openWorldHint: false };

interface Result {
	id: string;
	title: string;
	url: string;
}

/** Empties the sandbox request log. */
async function clearRequests(): Promise<void> {
	await env.EDESK_SANDBOX!.fetch(`${SANDBOX}/__sandbox/requests`, { method: 'DELETE' });
}

interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
}

/** The eDesk API requests the sandbox saw since the last clear, as `METHOD path`. */
async function requests(): Promise<string[]> {
	const log: { data: LoggedRequest[] } = await sandboxControl('requests');
	return log.data.map((r) => `${r.method} ${r.path}`);
}

/** The same, with each request's query, as `METHOD path {query}`. */
async function requestsWithQuery(): Promise<string[]> {
	const log: { data: LoggedRequest[] } = await sandboxControl('requests');
	return log.data.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`);
}

/** The `uri` the sandbox itself gives a ticket (read past the MCP server). */
async function sandboxUri(ticketId: string): Promise<string> {
	const res = await env.EDESK_SANDBOX!.fetch(`${SANDBOX}/v1/tickets/${ticketId}`, {
		headers: { authorization: `Bearer ${SANDBOX_FULL_TOKEN}` },
	});
	return ((await res.json()) as { data: { uri: string } }).data.uri;
}

/** Calls search, checks OpenAI's result shape, and returns the results and the upstream requests. */
async function search(
	server: TestServer,
	query: string,
): Promise<{ results: Result[]; upstream: string[] }> {
	await clearRequests();
	const res = await callTool(server.url, 'search', { query });
	expect(res.isError, JSON.stringify(res.data)).toBe(false);
	expect(res.result.content).toHaveLength(1);
	expect(res.result.content[0].type).toBe('text');
	expect(Object.keys(res.data)).toEqual(['results']);
	expect(res.result.structuredContent).toEqual(res.data);
	for (const r of res.data.results) expect(Object.keys(r).sort()).toEqual(['id', 'title', 'url']);
	return { results: res.data.results, upstream: await requests() };
}

/** Calls fetch and checks OpenAI's document shape. */
async function fetchDoc(server: TestServer, id: string): Promise<any> {
	const res = await callTool(server.url, 'fetch', { id });
	expect(res.isError, JSON.stringify(res.data)).toBe(false);
	expect(res.result.content).toHaveLength(1);
	expect(res.result.content[0].type).toBe('text');
	expect(Object.keys(res.data).sort()).toEqual(['id', 'metadata', 'text', 'title', 'url']);
	expect(res.result.structuredContent).toEqual(res.data);
	for (const v of Object.values(res.data.metadata)) expect(typeof v).toBe('string');
	return res.data;
}

const ids = (results: Result[]): string[] => results.map((r) => r.id);

let full: TestServer;
beforeAll(async () => {
	full = await createTestServer({ config: { methods: ['read'] } });
});
beforeEach(resetSandbox);

describe('tools/list', () => {
	it('lists search and fetch on a read-only server with exactly OpenAI input schemas, read-only', async () => {
		const { body } = await rpc(full.url, 'tools/list');
		const byName = new Map(body.result.tools.map((t: { name: string }) => [t.name, t]));
		for (const [name, input] of [
			['search', SEARCH_INPUT],
			['fetch', FETCH_INPUT],
		] as const) {
			const tool = byName.get(name) as any;
			expect(tool, name).toBeDefined();
			expect(tool.inputSchema).toEqual(input);
			expect(tool.annotations).toEqual(READ_ONLY);
		}
	});

	it('lists neither on a server without reads', async () => {
		const writer = await createTestServer({ config: { methods: ['create'] } });
		const { body } = await rpc(writer.url, 'tools/list');
		const names = body.result.tools.map((t: { name: string }) => t.name);
		expect(names).not.toContain('search');
		expect(names).not.toContain('fetch');
		const call = await rpc(writer.url, 'tools/call', { name: 'search', arguments: { query: 'x' } });
		expect(call.body.error).toEqual({ code: -32602, message: 'Unknown tool: search' });
	});

	it('lists neither under tags that name neither tickets nor orders', async () => {
		const server = await createTestServer({ config: { methods: ['read'], tags: ['templates'] } });
		const { body } = await rpc(server.url, 'tools/list');
		const names = body.result.tools.map((t: { name: string }) => t.name);
		expect(names).toEqual(['list_all_e_desk_templates', 'get_single_e_desk_template_by_id']);
	});
});

describe('search', () => {
	it('finds a ticket by words of its subject', async () => {
		const { results, upstream } = await search(full, 'cracked valve');
		expect(results[0]).toEqual({
			id: 'ticket:701581519',
			title: 'Ticket 701581519 (Open): Stove arrived with a cracked valve',
			url: TICKET_URL('701581519'),
		});
		expect(upstream.length).toBeLessThanOrEqual(4);
	});

	it("finds a customer's tickets and sales orders by email", async () => {
		const { results, upstream } = await search(full, DANIEL_EMAIL);
		expect(ids(results).sort()).toEqual(
			[
				...DANIEL_TICKETS.map((id) => `ticket:${id}`),
				...DANIEL_ORDERS.map((id) => `sales_order:${id}`),
			].sort(),
		);
		// The contact, then its tickets and its orders.
		expect(upstream).toHaveLength(3);
	});

	it("finds a customer's ticket and sales order by name", async () => {
		const { results, upstream } = await search(full, 'Robert Haynes');
		expect(ids(results)).toEqual(['ticket:701581519', 'sales_order:3777831980']);
		expect(results[1]!.url).toBe(TICKET_URL('701581519'));
		expect(upstream).toHaveLength(4);
	});

	it('finds a ticket by its eDesk id', async () => {
		const { results, upstream } = await search(full, '701581498');
		expect(results).toEqual([
			{
				id: 'ticket:701581498',
				title: 'Ticket 701581498 (Open): Where is my order? 113-4567890-1234567',
				url: TICKET_URL('701581498'),
			},
		]);
		expect(upstream.length).toBeLessThanOrEqual(4);
	});

	it('finds the sales order and its ticket by the marketplace order id', async () => {
		const { results, upstream } = await search(full, '113-4567890-1234567');
		expect(results).toEqual([
			{
				id: 'ticket:701581498',
				title: 'Ticket 701581498 (Open): Where is my order? 113-4567890-1234567',
				url: TICKET_URL('701581498'),
			},
			{
				id: 'sales_order:3777826195',
				title: 'Sales order 3777826195 (InTransit): 113-4567890-1234567',
				url: TICKET_URL('701581498'),
			},
		]);
		expect(upstream.length).toBeLessThanOrEqual(4);
	});

	it('finds a sales order by an all-digit marketplace order id (Walmart), with its ticket', async () => {
		const { results, upstream } = await search(full, '200011473829561');
		expect(ids(results)).toEqual(['sales_order:3780455102', 'ticket:701581615']);
		expect(results[0]!.url).toBe(TICKET_URL('701581615'));
		expect(upstream).toHaveLength(4);
	});

	it('finds a sales order by its eDesk id; its url is the uri of its ticket', async () => {
		const { results, upstream } = await search(full, '3777826195');
		expect(results).toEqual([
			{
				id: 'sales_order:3777826195',
				title: 'Sales order 3777826195 (InTransit): 113-4567890-1234567',
				url: TICKET_URL('701581498'),
			},
			{
				id: 'ticket:701581498',
				title: 'Ticket 701581498 (Open): Where is my order? 113-4567890-1234567',
				url: TICKET_URL('701581498'),
			},
		]);
		expect(upstream.length).toBeLessThanOrEqual(4);
	});

	it('gives a sales order without a ticket an empty url (eDesk has no link for an order)', async () => {
		const { results } = await search(full, '3777833512');
		expect(results).toEqual([
			{
				id: 'sales_order:3777833512',
				title: 'Sales order 3777833512 (OrderReceived): 026-7781120-3349901',
				url: '',
			},
		]);
	});

	it('answers a query that matches nothing with no results', async () => {
		const { results } = await search(full, 'zzqx nothing like this');
		expect(results).toEqual([]);
	});

	it('makes at most 4 eDesk requests for every kind of query, each run once', async () => {
		for (const query of [
			'',
			'ticket:701581498',
			'sales_order:3777826195',
			DANIEL_EMAIL,
			'701581498',
			'#NW1042',
			'113-4567890-1234567',
			'Daniel Okafor',
			// Five contacts' emails hold it: more tickets and orders than 4 requests can read.
			'marketplace.amazon',
			'Where is my tent order? It was supposed to ship with UPS',
		]) {
			const { upstream } = await search(full, query);
			expect(upstream.length, query).toBeGreaterThan(0);
			expect(upstream.length, query).toBeLessThanOrEqual(4);
			expect(upstream.every((r) => r.startsWith('GET /v1/'))).toBe(true);
			const exact = await requestsWithQuery();
			expect(new Set(exact).size, `${query}: a request repeated`).toBe(exact.length);
		}
	});
});

describe('fetch', () => {
	it('reads every result of a search with its url, ticket messages as text', async () => {
		const { results } = await search(full, DANIEL_EMAIL);
		for (const r of results) {
			const doc = await fetchDoc(full, r.id);
			expect(doc.id).toBe(r.id);
			expect(doc.title).toBe(r.title);
			expect(doc.url).toBe(r.url);
			if (r.id.startsWith('ticket:')) expect(doc.url).toBe(await sandboxUri(r.id.slice(7)));
		}
	});

	it("gives a ticket's status, customer, order and latest messages, newest last, without HTML", async () => {
		const doc = await fetchDoc(full, 'ticket:701581498');
		expect(doc.url).toBe(await sandboxUri('701581498'));
		expect(doc.url).toBe(TICKET_URL('701581498'));
		expect(doc.title).toBe('Ticket 701581498 (Open): Where is my order? 113-4567890-1234567');
		const text: string = doc.text;
		expect(text).toContain('Status: Open');
		expect(text).toContain(`Daniel Okafor <${DANIEL_EMAIL}>`);
		expect(text).toContain(
			'Sales order 3777826195 (marketplace order 113-4567890-1234567): InTransit',
		);
		expect(text).toContain('UPS 1Z999AA10123456784');
		expect(text).toContain('Messages (the latest 4 of 4, newest last)');
		const first = text.indexOf('the UPS tracking has not moved since Louisville, KY');
		const last = text.indexOf('Any update? I need the tent for a camping trip on the 28th.');
		expect(first).toBeGreaterThan(0);
		expect(last).toBeGreaterThan(first);
		expect(text).toContain('Internal note');
		expect(text).not.toMatch(/<\/?p>/);
		expect(text).not.toContain(SANDBOX_FULL_TOKEN);
		expect(doc.metadata).toMatchObject({
			type: 'ticket',
			status: 'Open',
			contact_id: '3478494326',
			sales_order_id: '3777826195',
			messages: '4 of 4',
		});
	});

	it('gives a sales order its essentials and its ticket url, stated in metadata', async () => {
		const doc = await fetchDoc(full, 'sales_order:3777826195');
		expect(doc.url).toBe(await sandboxUri('701581498'));
		expect(doc.metadata).toMatchObject({
			type: 'sales_order',
			status: 'InTransit',
			seller_order_id: '113-4567890-1234567',
			ticket_id: '701581498',
			url_source: 'ticket:701581498',
		});
		const text: string = doc.text;
		expect(text).toContain('Ridgeline 2-Person Backpacking Tent');
		expect(text).toContain('Ship to: Seattle, WA, US');
		expect(text).toContain('UPS 1Z999AA10123456784');
		expect(text).toContain('Daniel Okafor');
		// The place, never the street.
		expect(text).not.toContain('Fremont');
	});

	it('gives a sales order without a ticket an empty url and no url_source', async () => {
		const doc = await fetchDoc(full, 'sales_order:3777833512');
		expect(doc.url).toBe('');
		expect(doc.metadata.url_source).toBeUndefined();
	});

	it('makes at most 7 eDesk requests (the ticket, its contact, its 5 newest messages)', async () => {
		await clearRequests();
		await fetchDoc(full, 'ticket:701581519');
		const upstream = await requests();
		expect(upstream[0]).toBe('GET /v1/tickets/701581519');
		expect(upstream.length).toBeLessThanOrEqual(7);
		expect(upstream.filter((r) => r.startsWith('GET /v1/messages/')).length).toBeLessThanOrEqual(5);
	});

	it('is a tool error for an unknown id', async () => {
		for (const id of ['ticket:999999999', 'sales_order:999999999']) {
			const res = await callTool(full.url, 'fetch', { id });
			expect(res.isError).toBe(true);
			expect(res.data).toMatchObject({ error: 'not_found', status: 404 });
		}
	});

	it('is a tool error for a malformed id, before any eDesk call', async () => {
		await clearRequests();
		for (const id of ['701581498', 'ticket:abc', 'order:3777826195', 'ticket:', '']) {
			const res = await callTool(full.url, 'fetch', { id });
			expect(res.isError, id).toBe(true);
			expect(res.data.error).toBe('invalid_arguments');
			expect(res.data.issues[0].field).toBe('id');
		}
		const missing = await callTool(full.url, 'fetch', {});
		expect(missing.isError).toBe(true);
		expect(missing.data.error).toBe('invalid_arguments');
		expect(await requests()).toEqual([]);
	});
});

describe('tag filters', () => {
	it('an orders server: search and fetch read sales orders only, never tickets or messages', async () => {
		const orders = await createTestServer({ config: { methods: ['read'], tags: ['orders'] } });
		const { results, upstream } = await search(orders, '113-4567890-1234567');
		expect(results).toEqual([
			{
				id: 'sales_order:3777826195',
				title: 'Sales order 3777826195 (InTransit): 113-4567890-1234567',
				url: '',
			},
		]);
		await clearRequests();
		expect((await fetchDoc(orders, 'sales_order:3777826195')).url).toBe('');
		const ticket = await callTool(orders.url, 'fetch', { id: 'ticket:701581498' });
		expect(ticket.isError).toBe(true);
		expect(ticket.data.error).toBe('invalid_arguments');
		for (const r of [...upstream, ...(await requests())])
			expect(r).toMatch(/^GET \/v1\/(sales-orders|contacts)\b/);
	});

	it('a tickets server: search and fetch read tickets only, never sales orders', async () => {
		const tickets = await createTestServer({ config: { methods: ['read'], tags: ['tickets'] } });
		const { results, upstream } = await search(tickets, '3777826195');
		expect(ids(results)).toEqual(['ticket:701581498']);
		const order = await callTool(tickets.url, 'fetch', { id: 'sales_order:3777826195' });
		expect(order.isError).toBe(true);
		await clearRequests();
		await fetchDoc(tickets, 'ticket:701581498');
		for (const r of [...upstream, ...(await requests())])
			expect(r).toMatch(/^GET \/v1\/(tickets|messages|contacts)\b/);
	});
});

describe('eDesk failures', () => {
	it('passes a 429 through with its rate-limit figures, never retried', async () => {
		await clearRequests();
		await sandboxControl('fail-next', { status: 429 });
		const res = await callTool(full.url, 'search', { query: DANIEL_EMAIL });
		expect(res.isError).toBe(true);
		expect(res.data).toMatchObject({ error: 'rate_limited', status: 429, retry_after_seconds: 1 });
		expect(res.response.headers.get('retry-after')).toBe('1');
		expect(res.response.headers.get('ratelimit')).toBe('"edesk";r=0;t=1');
		// The contact lookup got the 429; nothing was sent after it.
		expect(await requests()).toEqual(['GET /v1/contacts']);
	});

	it('passes a 429 of one of several parallel calls through, and stops there', async () => {
		await clearRequests();
		await sandboxControl('fail-next', { status: 429 });
		const res = await callTool(full.url, 'search', { query: '113-4567890-1234567' });
		expect(res.isError).toBe(true);
		expect(res.data.error).toBe('rate_limited');
		expect(res.response.headers.get('retry-after')).toBe('1');
		expect(await requests()).toHaveLength(3);
	});

	it('passes a 429 on fetch through', async () => {
		await sandboxControl('fail-next', { status: 429 });
		const res = await callTool(full.url, 'fetch', { id: 'ticket:701581498' });
		expect(res.isError).toBe(true);
		expect(res.data.error).toBe('rate_limited');
		expect(res.response.headers.get('retry-after')).toBe('1');
	});

	it('turns an eDesk 500 into the same tool error as any other tool', async () => {
		await sandboxControl('fail-next', { status: 500 });
		const res = await callTool(full.url, 'search', { query: DANIEL_EMAIL });
		expect(res.isError).toBe(true);
		expect(res.data).toMatchObject({ error: 'upstream_error', status: 500 });
	});
});
