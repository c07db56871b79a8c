/**
 * A client that goes away while its request body is still arriving is a client mistake: a 400, and
 * no "unhandled error" line in the Worker's log (seen under `npm start` for aborted requests).
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../worker/index';
import { ADMIN_ORIGIN, mintApiToken } from '../helpers/admin';
import { createTestServer } from '../helpers/mcp';

afterEach(() => vi.restoreAllMocks());

/** A body that sends a few bytes and then breaks off. */
function brokenBody(): ReadableStream<Uint8Array> {
	let sent = false;
	return new ReadableStream<Uint8Array>(
		{
			pull(controller) {
				if (!sent) {
					sent = true;
					controller.enqueue(new TextEncoder().encode('{"jsonrpc":'));
					return;
				}
				controller.error(new Error('Network connection lost.'));
			},
		},
		{ highWaterMark: 0 },
	);
}

async function send(url: string, headers: Record<string, string>): Promise<Response> {
	const request = new Request(url, {
		method: 'POST',
		headers,
		body: brokenBody(),
		duplex: 'half',
	} as RequestInit);
	const ctx = createExecutionContext();
	const response = await worker.fetch(
		request as Request<unknown, IncomingRequestCfProperties>,
		env,
		ctx,
	);
	await waitOnExecutionContext(ctx);
	return response;
}

describe('a request body that breaks off', () => {
	it('is a 400 on the MCP endpoint, with nothing logged as an error', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const server = await createTestServer();
		const response = await send(server.url, {
			'content-type': 'application/json',
			accept: 'application/json',
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			jsonrpc: '2.0',
			id: null,
			error: { code: -32700, message: 'Bad Request: the body could not be read to its end' },
		});
		expect(errors).not.toHaveBeenCalled();
	});

	it('is a 400 on the management API, with nothing logged as an error', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const response = await send(`${ADMIN_ORIGIN}/integrated-account`, {
			'content-type': 'application/json',
			authorization: `Bearer ${await mintApiToken()}`,
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: { code: 'invalid_request', message: 'The request body could not be read to its end' },
		});
		expect(errors).not.toHaveBeenCalled();
	});
});
