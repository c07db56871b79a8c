/** Discovery mode's meta-tools and lexical search, without the MCP endpoint. */
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { ALL_TAGS, TOOL_CATALOG } from '../../../worker/tools/catalog';
import { discoveryOf, META_TOOL_NAMES } from '../../../worker/tools/discovery/meta-tools';
import { closestNames, searchTools, toWords } from '../../../worker/tools/discovery/search';
import { filterTools } from '../../../worker/tools/filter-tools';
import { estimateToolsListTokens, toToolsListResult } from '../../../worker/tools/wire-tool';

const CONFIGS = [
	{ methods: ['read', 'write'], tags: [] },
	{ methods: ['read'], tags: [] },
	{ methods: ['write'], tags: [] },
	...ALL_TAGS.map((tag) => ({ methods: ['read', 'write'], tags: [tag] })),
];

describe('the meta-tools of a tool set', () => {
	it.each(CONFIGS)('list within 800 o200k tokens, estimated within 5 %, for %j', (config) => {
		const tools = filterTools(TOOL_CATALOG, config);
		if (tools.length === 0) return;
		const listed = discoveryOf(tools).listed;
		expect(listed.map((t) => t.name)).toEqual(META_TOOL_NAMES);
		const real = encode(JSON.stringify(toToolsListResult(listed))).length;
		expect(real).toBeLessThanOrEqual(800);
		expect(Math.abs(estimateToolsListTokens(listed) - real) / real).toBeLessThanOrEqual(0.05);
	});

	it('are built once per tool set', () => {
		const tools = filterTools(TOOL_CATALOG, { methods: ['read'], tags: [] });
		expect(discoveryOf(tools).listed).toBe(discoveryOf(tools).listed);
	});
});

describe('searchTools', () => {
	const names = (query: string, tools = TOOL_CATALOG) =>
		searchTools(tools, query).map((h) => h.tool.name);

	it('ranks the tool a person means first', () => {
		expect(names('tickets')[0]).toBe('list_all_e_desk_tickets');
		expect(names('order note')[0]).toBe('list_all_e_desk_order_notes');
		expect(names('add order note')[0]).toBe('create_a_e_desk_order_note');
		expect(names('delete tag')[0]).toBe('delete_a_e_desk_tag_by_id');
		expect(names('tracking link')[0]).toMatch(/tracking_link/);
		expect(names('get_single_e_desk_me')[0]).toBe('get_single_e_desk_me');
	});

	it('finds nothing for words no tool carries, and only among the tools it is given', () => {
		expect(names('zebra')).toEqual([]);
		expect(names('the a of')).toEqual([]);
		const reads = filterTools(TOOL_CATALOG, { methods: ['read'], tags: [] });
		for (const name of names('create update delete message note', reads))
			expect(reads.map((t) => t.name)).toContain(name);
	});

	it('splits snake_case and camelCase and drops words every name has', () => {
		expect(toWords('list_all_e_desk_orderNotes, eDesk!')).toEqual(['list', 'order', 'notes']);
	});
});

describe('closestNames', () => {
	it('offers the nearest names of the tool set', () => {
		expect(closestNames(TOOL_CATALOG, 'list_all_e_desk_tikets')[0]).toBe('list_all_e_desk_tickets');
		expect(closestNames(TOOL_CATALOG, 'x'.repeat(10_000))).toHaveLength(3);
		const reads = filterTools(TOOL_CATALOG, { methods: ['read'], tags: [] });
		for (const name of closestNames(reads, 'create_a_e_desk_order_note'))
			expect(reads.map((t) => t.name)).toContain(name);
	});
});
