/**
 * The official TypeScript SDK v2 client (@modelcontextprotocol/client 2.4.0), which speaks MCP
 * 2026-07-28, against the running server: pinned to 2026-07-28 and in auto mode it negotiates the
 * stateless era through server/discover, lists every tool and calls a read and a write tool.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, inject, it } from 'vitest';

let client: Client | undefined;
afterEach(async () => {
	await client?.close();
	client = undefined;
});

type Mode = 'auto' | { pin: '2026-07-28' };

async function connect(url: string, mode: Mode): Promise<Client> {
	client = new Client(
		{ name: 'edesk-mcp-e2e-v2', version: '1.0.0' },
		{ versionNegotiation: { mode } },
	);
	await client.connect(new StreamableHTTPClientTransport(new URL(url)));
	return client;
}

/** The tool names an initialize-era request lists, for comparison. */
async function legacyToolNames(url: string): Promise<string[]> {
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			accept: 'application/json',
			'mcp-protocol-version': '2025-11-25',
		},
		body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
	});
	const body = (await response.json()) as { result: { tools: { name: string }[] } };
	return body.result.tools.map((t) => t.name);
}

const text = (result: unknown): string =>
	(result as { content: { text: string }[] }).content[0]!.text;

describe.each<[string, Mode]>([
	['pinned to 2026-07-28', { pin: '2026-07-28' }],
	['in auto mode', 'auto'],
])('SDK v2 client %s', (_label, mode) => {
	it('negotiates 2026-07-28 (the stateless era) and reads the server identity from server/discover', async () => {
		const c = await connect(inject('mcpUrl'), mode);
		expect(c.getNegotiatedProtocolVersion()).toBe('2026-07-28');
		expect(c.getProtocolEra()).toBe('modern');
		expect(c.getServerVersion()).toMatchObject({ name: 'edesk-mcp' });
		expect(c.getServerCapabilities()).toMatchObject({ tools: {} });
	});

	it('lists every tool, in the same order as the initialize era', async () => {
		const c = await connect(inject('mcpUrl'), mode);
		const { tools } = await c.listTools();
		expect(tools).toHaveLength(42);
		expect(tools.map((t) => t.name)).toEqual(await legacyToolNames(inject('mcpUrl')));
	});

	it('calls a read tool and a write tool', async () => {
		const c = await connect(inject('mcpUrl'), mode);
		const orders = await c.callTool({
			name: 'list_all_e_desk_sales_orders',
			arguments: { limit: 1 },
		});
		expect(orders.isError).toBeFalsy();
		const orderId = (JSON.parse(text(orders)) as { items: { id: number }[] }).items[0]!.id;
		const note = await c.callTool({
			name: 'create_a_e_desk_order_note',
			arguments: { sales_order_id: orderId, text: `SDK v2 ${JSON.stringify(mode)}` },
		});
		expect(note.isError).toBeFalsy();
		expect(JSON.parse(text(note))).toMatchObject({
			sales_order_id: orderId,
			text: `SDK v2 ${JSON.stringify(mode)}`,
		});
	});
});
