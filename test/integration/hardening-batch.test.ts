/**
 * Regression: a JSON-RPC batch (2025-03-26) of 2,000 tool calls ran
 * 2,000 eDesk calls in series for 88 s. A batch holds at most 20 messages; a larger one gets 400
 * before any of it runs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
	createTestServer,
	post,
	resetSandbox,
	sandboxControl,
	type TestServer,
} from '../helpers/mcp';

let server: TestServer;

beforeEach(async () => {
	await resetSandbox();
	server = await createTestServer();
});

const call = (id: number) => ({
	jsonrpc: '2.0',
	id,
	method: 'tools/call',
	params: { name: 'get_single_e_desk_tag_by_id', arguments: { id: 1 } },
});

async function tagReads(): Promise<number> {
	return (await sandboxControl('requests?method=GET&path=%2Fv1%2Ftags%2F')).data.length;
}

describe('JSON-RPC batches (2025-03-26)', () => {
	it('refuses a batch of 21 messages with 400 and makes no eDesk call', async () => {
		const batch = Array.from({ length: 21 }, (_, i) => call(i + 1));
		const response = await post(server.url, JSON.stringify(batch));
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			jsonrpc: '2.0',
			id: null,
			error: {
				code: -32600,
				message: 'Invalid Request: a batch holds at most 20 messages (got 21)',
			},
		});
		expect(await tagReads()).toBe(0);
	});

	it('runs a batch of 20', async () => {
		const batch = Array.from({ length: 20 }, (_, i) => call(i + 1));
		const response = await post(server.url, JSON.stringify(batch));
		expect(response.status).toBe(200);
		const answers = (await response.json()) as { id: number }[];
		expect(answers.map((a) => a.id)).toEqual(batch.map((b) => b.id));
		expect(await tagReads()).toBe(20);
	});
});
