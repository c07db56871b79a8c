/** tools/call answers as SSE with progress notifications when the client accepts SSE and sends a progressToken. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, post, type TestServer } from '../helpers/mcp';

let server: TestServer;
beforeAll(async () => {
	server = await createTestServer();
});

function events(text: string): any[] {
	return text
		.split('\n\n')
		.filter(Boolean)
		.map((block) => {
			const lines = block.split('\n');
			expect(lines[0]).toBe('event: message');
			return JSON.parse(lines[1]!.slice('data: '.length));
		});
}

describe('tools/call streaming', () => {
	it('streams progress, then the result, as SSE', async () => {
		const res = await post(
			server.url,
			JSON.stringify({
				jsonrpc: '2.0',
				id: 5,
				method: 'tools/call',
				params: {
					name: 'list_all_e_desk_tickets',
					arguments: { limit: 2 },
					_meta: { progressToken: 'p-1' },
				},
			}),
			{ 'mcp-protocol-version': '2025-11-25' },
		);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/event-stream');
		const msgs = events(await res.text());
		expect(msgs[0]).toMatchObject({
			method: 'notifications/progress',
			params: { progressToken: 'p-1', progress: 1 },
		});
		const last = msgs.at(-1);
		expect(last).toMatchObject({ jsonrpc: '2.0', id: 5, result: { content: [{ type: 'text' }] } });
		expect(JSON.parse(last.result.content[0].text).items).toHaveLength(2);
	});

	it('answers the same call without a progressToken as one SSE event', async () => {
		const res = await post(
			server.url,
			JSON.stringify({
				jsonrpc: '2.0',
				id: 6,
				method: 'tools/call',
				params: { name: 'list_all_e_desk_tickets', arguments: { limit: 1 } },
			}),
			{ 'mcp-protocol-version': '2025-11-25' },
		);
		expect(res.headers.get('content-type')).toBe('text/event-stream');
		const msgs = events(await res.text());
		expect(msgs).toHaveLength(1);
		expect(msgs[0]).toMatchObject({
			jsonrpc: '2.0',
			id: 6,
			result: { content: [{ type: 'text' }] },
		});
	});

	it('keeps other methods on JSON when the client accepts both', async () => {
		const res = await post(
			server.url,
			JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'tools/list' }),
			{ 'mcp-protocol-version': '2025-11-25' },
		);
		expect(res.headers.get('content-type')).toContain('application/json');
	});

	it('answers JSON when the client does not accept SSE, even with a progressToken', async () => {
		const res = await post(
			server.url,
			JSON.stringify({
				jsonrpc: '2.0',
				id: 7,
				method: 'tools/call',
				params: {
					name: 'list_all_e_desk_tickets',
					arguments: { limit: 1 },
					_meta: { progressToken: 3 },
				},
			}),
			{ accept: 'application/json' },
		);
		expect(res.headers.get('content-type')).toContain('application/json');
	});
});
