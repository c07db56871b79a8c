/** Context budget over the wire: tools/list and a default tickets page, counted in o200k tokens. */
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callTool, createTestServer, resetSandbox, rpc, type TestServer } from '../helpers/mcp';

const CATALOG_MAX_TOKENS = 6_300;
const DEFAULT_TICKETS_PAGE_MAX_TOKENS = 2_000;

let full: TestServer;
let readOnly: TestServer;
beforeAll(async () => {
	full = await createTestServer();
	readOnly = await createTestServer({ config: { methods: ['read'] } });
});
beforeEach(resetSandbox);

const tokens = (text: string): number => encode(text).length;

describe('context budget on the wire', () => {
	it('keeps the whole tools/list result within 6,300 tokens with every parameter documented', async () => {
		const { body } = await rpc(full.url, 'tools/list');
		expect(body.result.tools).toHaveLength(42);
		expect(tokens(JSON.stringify(body.result))).toBeLessThanOrEqual(CATALOG_MAX_TOKENS);
		for (const tool of body.result.tools) {
			for (const [name, schema] of Object.entries<{ description?: string }>(
				tool.inputSchema.properties,
			)) {
				expect(schema.description, `${tool.name}.${name}`).toMatch(/\S/);
			}
		}
	});

	it('gives a read-only server a smaller list', async () => {
		const all = await rpc(full.url, 'tools/list');
		const read = await rpc(readOnly.url, 'tools/list');
		expect(tokens(JSON.stringify(read.body.result))).toBeLessThan(
			tokens(JSON.stringify(all.body.result)) / 2,
		);
	});

	it('keeps a default list_all_e_desk_tickets page within 2,000 tokens', async () => {
		const page = await callTool(full.url, 'list_all_e_desk_tickets', {});
		expect(page.isError).toBe(false);
		// The embedded sales_order is left out of list items, so a whole default page fits the budget.
		expect(page.data.items).toHaveLength(10);
		expect(page.data.items.some((t: Record<string, unknown>) => 'sales_order' in t)).toBe(false);
		expect(tokens(page.result.content[0].text)).toBeLessThanOrEqual(
			DEFAULT_TICKETS_PAGE_MAX_TOKENS,
		);
	});
});
