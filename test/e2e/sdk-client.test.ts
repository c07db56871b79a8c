/** The official MCP TypeScript SDK client drives the running server over Streamable HTTP. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, inject, it } from 'vitest';

let client: Client | undefined;
afterEach(async () => {
	await client?.close();
	client = undefined;
});

async function connect(url: string): Promise<Client> {
	client = new Client({ name: 'edesk-mcp-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(url)));
	return client;
}

describe('official SDK client against npm start', () => {
	it('connects, negotiates the latest protocol and reads the server info', async () => {
		const c = await connect(inject('mcpUrl'));
		expect(c.getServerVersion()).toMatchObject({ name: 'edesk-mcp' });
		expect(c.getServerCapabilities()).toMatchObject({ tools: {} });
		expect(c.getInstructions()).toContain('eDesk');
	});

	it('lists the tools, read and write alike, on a read-write server', async () => {
		const c = await connect(inject('mcpUrl'));
		const { tools } = await c.listTools();
		const names = tools.map((t) => t.name);
		expect(names).toContain('list_all_e_desk_tickets');
		expect(names).toContain('create_a_e_desk_message');
		for (const t of tools) expect(t.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
	});

	it('calls list_all_e_desk_tickets and gets eDesk tickets from the sandbox', async () => {
		const c = await connect(inject('mcpUrl'));
		const result = await c.callTool({ name: 'list_all_e_desk_tickets', arguments: { limit: 3 } });
		expect(result.isError).toBeFalsy();
		const content = result.content as { type: string; text: string }[];
		const page = JSON.parse(content[0]!.text) as {
			items: { id: number; subject: string }[];
			has_more: boolean;
		};
		expect(page.items.length).toBeGreaterThan(0);
		expect(page.items.length).toBeLessThanOrEqual(3);
		expect(typeof page.items[0]!.id).toBe('number');
		expect(page.has_more).toBe(true);
	});

	it('shows only read tools on a read-only server and refuses a write tool by name', async () => {
		const c = await connect(inject('readOnlyMcpUrl'));
		const { tools } = await c.listTools();
		expect(tools.length).toBeGreaterThan(0);
		for (const t of tools) expect(t.annotations?.readOnlyHint).toBe(true);
		await expect(
			c.callTool({
				name: 'create_a_e_desk_message',
				arguments: { ticket_id: 1, body: 'x', type: 'Note' },
			}),
		).rejects.toThrow(/Unknown tool/);
	});
});
