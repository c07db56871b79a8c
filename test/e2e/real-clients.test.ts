/** Clients nobody on the team wrote, used as they are: the MCP Inspector CLI, mcp-remote (as Claude Desktop runs it) and the OpenAI Agents SDK. */
import { MCPServerStreamableHttp } from '@openai/agents';
import { describe, expect, inject, it } from 'vitest';
import { runInspector, startMcpRemote } from './client-processes';

function inspector(args: string[]): { status: number | null; json: any; stderr: string } {
	const run = runInspector(inject('mcpUrl'), args);
	return {
		status: run.status,
		json: run.stdout ? JSON.parse(run.stdout) : undefined,
		stderr: run.stderr,
	};
}

describe('MCP Inspector CLI', () => {
	it('lists the tools', () => {
		const run = inspector(['--method', 'tools/list']);
		expect(run.status, run.stderr).toBe(0);
		const names = run.json.result.tools.map((t: { name: string }) => t.name);
		expect(names).toHaveLength(42);
		expect(names).toContain('get_single_e_desk_sales_order_by_id');
	});

	it('calls a tool with CLI arguments', () => {
		const run = inspector([
			'--method',
			'tools/call',
			'--tool-name',
			'list_all_e_desk_tickets',
			'--tool-arg',
			'limit=2',
		]);
		expect(run.status, run.stderr).toBe(0);
		expect(run.json.result.isError ?? false).toBe(false);
		expect(JSON.parse(run.json.result.content[0].text).items).toHaveLength(2);
	});

	it('exits 5 on an isError result', () => {
		const run = inspector([
			'--method',
			'tools/call',
			'--tool-name',
			'get_single_e_desk_ticket_by_id',
			'--tool-arg',
			'id=1',
		]);
		expect(run.status).toBe(5);
	});
});

describe('mcp-remote over stdio, as Claude Desktop runs it', () => {
	it('lists and calls a tool', async () => {
		const client = startMcpRemote(inject('mcpUrl'));
		const { send } = client;
		const answer = async (id: number): Promise<any> => client.answer(id);
		try {
			send({
				jsonrpc: '2.0',
				id: 1,
				method: 'initialize',
				params: {
					protocolVersion: '2025-06-18',
					capabilities: {},
					clientInfo: { name: 'claude-desktop-like', version: '0' },
				},
			});
			expect((await answer(1)).result.serverInfo.name).toBe('edesk-mcp');
			send({ jsonrpc: '2.0', method: 'notifications/initialized' });
			send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
			expect((await answer(2)).result.tools).toHaveLength(42);
			send({
				jsonrpc: '2.0',
				id: 3,
				method: 'tools/call',
				params: { name: 'list_all_e_desk_users', arguments: {} },
			});
			const call = await answer(3);
			expect(call.result.isError ?? false).toBe(false);
			expect(JSON.parse(call.result.content[0].text).items.length).toBeGreaterThan(0);
		} finally {
			client.close();
		}
	});
});

describe('OpenAI Agents SDK MCP client', () => {
	it('lists the tools and calls one over Streamable HTTP', async () => {
		const server = new MCPServerStreamableHttp({ url: inject('mcpUrl'), name: 'edesk' });
		await server.connect();
		try {
			const tools = await server.listTools();
			expect(tools.map((t) => t.name)).toContain('list_all_e_desk_templates');
			const content = await server.callTool('list_all_e_desk_templates', { limit: 3 });
			const first = content[0] as { type: string; text: string };
			expect(first.type).toBe('text');
			expect(JSON.parse(first.text).items).toHaveLength(3);
		} finally {
			await server.close();
		}
	});

	it("runs ChatGPT's search then fetch: one JSON text item each, in OpenAI's shapes", async () => {
		const server = new MCPServerStreamableHttp({ url: inject('mcpUrl'), name: 'edesk' });
		await server.connect();
		try {
			const found = await server.callTool('search', { query: '113-4567890-1234567' });
			expect(found).toHaveLength(1);
			const { results } = JSON.parse((found[0] as { type: string; text: string }).text) as {
				results: { id: string; title: string; url: string }[];
			};
			// seed-tickets.ts: the workflow ticket about the delayed order 3777826195.
			expect(results.map((r) => r.id)).toEqual(['ticket:701581498', 'sales_order:3777826195']);
			const doc = await server.callTool('fetch', { id: results[0]!.id });
			expect(doc).toHaveLength(1);
			const record = JSON.parse((doc[0] as { type: string; text: string }).text);
			expect(Object.keys(record).sort()).toEqual(['id', 'metadata', 'text', 'title', 'url']);
			expect(record).toMatchObject({ id: 'ticket:701581498', url: results[0]!.url });
			expect(record.text).toContain('Any update? I need the tent');
		} finally {
			await server.close();
		}
	});
});
