/**
 * The ChatGPT `search` and `fetch` tools (OpenAI's deep research / company knowledge standard): hand
 * written, not derived from schemas/, appended to the catalogue after the derived tools. Each has one
 * string argument and answers with one text item of JSON plus the same value as structuredContent.
 */
import { READ_ONLY_ANNOTATIONS, type ToolSpec, type UpstreamSpec } from '../tool-spec';
import { runFetch } from './fetch';
import type { Scope } from './records';
import { runSearch } from './search';

export const SEARCH_TOOL_NAME = 'search';
export const FETCH_TOOL_NAME = 'fetch';
/** Both read tickets and sales orders: a tag filter keeps them when it names either (see scopedFor). */
const TAGS = ['tickets', 'orders'] as const;
const FULL: Scope = { tickets: true, orders: true };
// Never used: `run` replaces the routed call. An empty path would reach no eDesk operation.
const NO_UPSTREAM: UpstreamSpec = {
	method: 'GET',
	path: '',
	params: {},
	bodyEncoding: 'json',
	bodyRoot: 'object',
};

const SEARCH_DESCRIPTION =
	'Find eDesk tickets and sales orders (ids for fetch) by ticket or sales order id, marketplace order id, customer email or name, or subject words of the 100 latest tickets. Top 10.';
const FETCH_DESCRIPTION =
	'Read a search result (ticket:<n> or sales_order:<n>) as text: a ticket with customer, order and latest 5 messages; an order with items, totals, ship-to city, tracking.';

function searchTool(scope: Scope): ToolSpec {
	const spec: ToolSpec = {
		name: SEARCH_TOOL_NAME,
		description: SEARCH_DESCRIPTION,
		method: 'list',
		resource: 'tickets_and_sales_orders',
		tags: [...TAGS],
		annotations: { ...READ_ONLY_ANNOTATIONS },
		inputSchema: {
			type: 'object',
			properties: { query: { type: 'string', description: 'What to look for' } },
			required: ['query'],
			additionalProperties: false,
		},
		upstream: NO_UPSTREAM,
		resultOmit: [],
		run: (args, { edesk }) => {
			const query = typeof args['query'] === 'string' ? args['query'] : '';
			return runSearch(spec, query, edesk, scope);
		},
	};
	return spec;
}

function fetchTool(scope: Scope): ToolSpec {
	const spec: ToolSpec = {
		name: FETCH_TOOL_NAME,
		description: FETCH_DESCRIPTION,
		method: 'get',
		resource: 'tickets_and_sales_orders',
		tags: [...TAGS],
		annotations: { ...READ_ONLY_ANNOTATIONS },
		inputSchema: {
			type: 'object',
			properties: { id: { type: 'string', description: 'An id from search' } },
			required: ['id'],
			additionalProperties: false,
		},
		upstream: NO_UPSTREAM,
		resultOmit: [],
		run: (args, { edesk }) => {
			const id = typeof args['id'] === 'string' ? args['id'] : '';
			return runFetch(spec, id, edesk, scope);
		},
	};
	return spec;
}

const KEYS = ['tickets+orders', 'tickets', 'orders'] as const;
type ScopeKey = (typeof KEYS)[number];
const scopeKey = (s: Scope): ScopeKey =>
	s.tickets && s.orders ? 'tickets+orders' : s.tickets ? 'tickets' : 'orders';
const SCOPES: Record<ScopeKey, Scope> = {
	'tickets+orders': FULL,
	tickets: { tickets: true, orders: false },
	orders: { tickets: false, orders: true },
};
const SEARCH_BY_SCOPE = Object.fromEntries(KEYS.map((k) => [k, searchTool(SCOPES[k])])) as Record<
	ScopeKey,
	ToolSpec
>;
const FETCH_BY_SCOPE = Object.fromEntries(KEYS.map((k) => [k, fetchTool(SCOPES[k])])) as Record<
	ScopeKey,
	ToolSpec
>;
const searchSpec = (s: Scope): ToolSpec => SEARCH_BY_SCOPE[scopeKey(s)];
const fetchSpec = (s: Scope): ToolSpec => FETCH_BY_SCOPE[scopeKey(s)];

/** `search` then `fetch`, reading everything the account's token can (a server without tag filter). */
export const CHATGPT_TOOLS: readonly ToolSpec[] = [searchSpec(FULL), fetchSpec(FULL)];

/**
 * The form of a catalogue tool for a server with these tags: `search` and `fetch` of a server whose
 * tags name tickets but not orders (or the other way round) read only those, as that server's other
 * tools do; every other tool, and both tools under no tag filter, are returned as they are.
 */
export function scopedFor(tool: ToolSpec, tags: ReadonlySet<string>): ToolSpec {
	if (tags.size === 0 || (tool !== CHATGPT_TOOLS[0] && tool !== CHATGPT_TOOLS[1])) return tool;
	const tickets = tags.has('tickets');
	const orders = tags.has('orders');
	// filterTools keeps these two only when the tags name tickets or orders.
	if (!tickets && !orders) return tool;
	const scope = { tickets, orders };
	return tool === CHATGPT_TOOLS[0] ? searchSpec(scope) : fetchSpec(scope);
}
