/**
 * Regressions: tool arguments that JSON Schema let through and
 * that reached eDesk (undeclared nested keys, non-finite and unsafe integers, bad base64, a raw CR in
 * a multipart file name). Each is refused before any eDesk call, or made safe, and never logs an error.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	callTool,
	createTestServer,
	post,
	readRpcBody,
	resetSandbox,
	sandboxControl,
	type TestServer,
} from '../helpers/mcp';

let server: TestServer;

beforeEach(async () => {
	await resetSandbox();
	server = await createTestServer();
});

afterEach(() => {
	vi.restoreAllMocks();
});

/** Requests the sandbox received with this method, path prefix first. */
async function sandboxRequests(method: string, path: string): Promise<unknown[]> {
	const log = await sandboxControl(`requests?method=${method}&path=${encodeURIComponent(path)}`);
	return log.data;
}

describe('nested objects of write tools (item 7)', () => {
	it('refuses undeclared keys inside contact, naming each, and sends nothing to eDesk', async () => {
		const { isError, data } = await callTool(server.url, 'create_a_e_desk_ticket', {
			subject: 'Where is my order?',
			channel_id: 1,
			status: 'Open',
			contact: JSON.parse('{"email":"a@example.com","id":999,"is_admin":true,"__proto__":{"x":1}}'),
		});
		expect(isError).toBe(true);
		expect(data.error).toBe('invalid_arguments');
		const fields = data.issues.map((i: { field: string }) => i.field).sort();
		expect(fields).toEqual(['contact.__proto__', 'contact.id', 'contact.is_admin']);
		expect(await sandboxRequests('POST', '/v1/tickets')).toEqual([]);
	});
});

describe('integers JSON cannot carry exactly (item 9)', () => {
	it('refuses 1e999 (Infinity) as an id instead of deleting /tags/-Infinity', async () => {
		const response = await post(
			server.url,
			'{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"delete_a_e_desk_tag_by_id","arguments":{"id":-1e999}}}',
			{ 'mcp-protocol-version': '2025-11-25' },
		);
		const body = await readRpcBody(response);
		expect(body.result.isError).toBe(true);
		expect(JSON.parse(body.result.content[0].text).issues).toEqual([
			{ field: 'id', message: 'id: must be a finite number' },
		]);
		expect(await sandboxRequests('DELETE', '/v1/tags/')).toEqual([]);
	});

	it('refuses an id above 2^53 instead of rounding it to another record', async () => {
		const response = await post(
			server.url,
			'{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_single_e_desk_tag_by_id","arguments":{"id":9007199254740993}}}',
			{ 'mcp-protocol-version': '2025-11-25' },
		);
		const body = await readRpcBody(response);
		expect(body.result.isError).toBe(true);
		expect(JSON.parse(body.result.content[0].text).issues[0].field).toBe('id');
		expect(await sandboxRequests('GET', '/v1/tags/')).toEqual([]);
	});
});

describe('order-note attachments (item 8)', () => {
	async function firstNoteId(): Promise<number> {
		const { data } = await callTool(server.url, 'list_all_e_desk_order_notes', { limit: 1 });
		return data.items[0].id;
	}

	it('answers invalid base64 with an isError naming the argument, not an internal error and a log line', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const id = await firstNoteId();
		const { isError, data, result } = await callTool(
			server.url,
			'create_a_e_desk_order_note_attachment',
			{
				id,
				files: [
					{ name: 'ok.txt', content_base64: 'aGk=' },
					{ name: 'bad.txt', content_base64: 'not base64!' },
				],
			},
		);
		expect(isError).toBe(true);
		expect(result.content).toHaveLength(1);
		expect(data).toEqual({
			error: 'invalid_arguments',
			message: 'Arguments do not match the tool input schema.',
			issues: [
				{
					field: 'files[1].content_base64',
					message:
						'files[1].content_base64: must be standard base64 (A-Z, a-z, 0-9, +, /, = padding)',
				},
			],
		});
		expect(errors).not.toHaveBeenCalled();
		expect(await sandboxRequests('POST', `/v1/order-notes/${id}/attachments`)).toEqual([]);
	});

	it('strips a raw CR and quotes from the multipart file name', async () => {
		const id = await firstNoteId();
		const { isError, data } = await callTool(server.url, 'create_a_e_desk_order_note_attachment', {
			id,
			files: [
				{
					name: 'invoice\r\nX-Evil: 1".pdf',
					content_base64: 'aGk=',
					content_type: 'text/plain\r\nX: y',
				},
			],
		});
		expect(isError).toBe(false);
		const names = data.attachments.map((a: { name: string }) => a.name);
		expect(names).toContain('invoice__X-Evil: 1_.pdf');
		expect(names.join()).not.toMatch(/[\r\n"]/);
	});
});
