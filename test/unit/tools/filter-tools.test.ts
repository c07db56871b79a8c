/** filterTools / validateServerConfig: `methods` AND `tags` decide the tool set. */
import { describe, expect, it } from 'vitest';
import { ALL_TAGS, TOOL_CATALOG } from '../../../worker/tools/catalog';
import { filterTools, validateServerConfig } from '../../../worker/tools/filter-tools';
import type { ToolMethod, ToolSpec } from '../../../worker/tools/tool-spec';

function tool(name: string, method: ToolMethod, tags: string[]): ToolSpec {
	return {
		name,
		description: name,
		method,
		resource: name,
		tags,
		annotations: { readOnlyHint: method === 'list' || method === 'get' },
		inputSchema: { type: 'object', properties: {} },
		upstream: { method: 'GET', path: '/', params: {}, bodyEncoding: 'json', bodyRoot: 'object' },
		resultOmit: [],
	};
}

const CATALOG: readonly ToolSpec[] = [
	tool('list_tickets', 'list', ['tickets']),
	tool('get_ticket', 'get', ['tickets']),
	tool('create_message', 'create', ['tickets', 'customer-facing']),
	tool('update_ticket', 'update', ['tickets']),
	tool('delete_ticket', 'delete', ['tickets']),
	tool('list_orders', 'list', ['orders']),
	tool('create_order_note', 'create', ['orders']),
];
const names = (tools: ToolSpec[]): string[] => tools.map((t) => t.name);

describe('filterTools', () => {
	it('keeps list and get tools for methods [read]', () => {
		expect(names(filterTools(CATALOG, { methods: ['read'], tags: [] }))).toEqual([
			'list_tickets',
			'get_ticket',
			'list_orders',
		]);
	});

	it('keeps create, update and delete tools for methods [write]', () => {
		expect(names(filterTools(CATALOG, { methods: ['write'], tags: [] }))).toEqual([
			'create_message',
			'update_ticket',
			'delete_ticket',
			'create_order_note',
		]);
	});

	it('accepts exact method names and mixes them with groups', () => {
		expect(names(filterTools(CATALOG, { methods: ['get', 'delete'], tags: [] }))).toEqual([
			'get_ticket',
			'delete_ticket',
		]);
		expect(names(filterTools(CATALOG, { methods: ['read', 'create'], tags: ['orders'] }))).toEqual([
			'list_orders',
			'create_order_note',
		]);
	});

	it('keeps a tool that has any of the tags, and every tag when tags is empty', () => {
		expect(
			names(filterTools(CATALOG, { methods: ['write'], tags: ['customer-facing', 'orders'] })),
		).toEqual(['create_message', 'create_order_note']);
		expect(filterTools(CATALOG, { methods: ['read', 'write'], tags: [] })).toHaveLength(
			CATALOG.length,
		);
	});

	it('ignores unknown method names (validation reports them)', () => {
		expect(filterTools(CATALOG, { methods: ['admin'], tags: [] })).toEqual([]);
	});

	it('never lets a write tool through a read-only config on the real catalogue', () => {
		const tools = filterTools(TOOL_CATALOG, { methods: ['read'], tags: [] });
		expect(tools.length).toBeGreaterThan(0);
		expect(tools.every((t) => t.method === 'list' || t.method === 'get')).toBe(true);
		expect(tools.every((t) => t.annotations.readOnlyHint)).toBe(true);
	});

	it('covers the whole real catalogue with read + write', () => {
		expect(filterTools(TOOL_CATALOG, { methods: ['read', 'write'], tags: [] })).toHaveLength(
			TOOL_CATALOG.length,
		);
	});
});

describe('validateServerConfig', () => {
	it('accepts a config that leaves tools', () => {
		expect(validateServerConfig({ methods: ['read'], tags: ['tickets'] }, CATALOG)).toEqual([]);
	});

	it('names unknown methods and what is allowed', () => {
		expect(validateServerConfig({ methods: ['read', 'admin'], tags: [] }, CATALOG)).toEqual([
			'methods: unknown method "admin" (allowed: read, write, list, get, create, update, delete)',
		]);
	});

	it('names unknown tags and what is allowed', () => {
		const problems = validateServerConfig({ methods: ['read'], tags: ['invoices'] }, CATALOG);
		expect(problems).toEqual([
			'tags: unknown tag "invoices" (allowed: customer-facing, orders, tickets)',
		]);
	});

	it('refuses an empty method list', () => {
		expect(validateServerConfig({ methods: [], tags: [] }, CATALOG)[0]).toMatch(
			/^methods: choose at least one/,
		);
	});

	it('refuses a filter that leaves no tool', () => {
		expect(validateServerConfig({ methods: ['delete'], tags: ['orders'] }, CATALOG)).toEqual([
			'config: methods [delete] with tags [orders] leave no tool; widen the methods or tags',
		]);
	});

	it('checks tags against the real catalogue by default', () => {
		expect(validateServerConfig({ methods: ['read'], tags: [...ALL_TAGS] })).toEqual([]);
		expect(validateServerConfig({ methods: ['read'], tags: ['nope'] })).toHaveLength(1);
	});
});
