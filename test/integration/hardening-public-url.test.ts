/**
 * Regression: the `url` of a new MCP server was built from the Host
 * header (`Host: evil.example` gave `http://evil.example/mcp/em_…`). Outside development it is built
 * from PUBLIC_URL.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { mintApiToken, putTestAccount } from '../helpers/admin';

async function createServerAt(
	origin: string,
	workerEnv: Env,
): Promise<{ status: number; body: any }> {
	const accountId = await putTestAccount();
	const request = new Request(`${origin}/integrated-account/${accountId}/mcp`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${await mintApiToken()}`,
			'content-type': 'application/json',
		},
		body: JSON.stringify({ name: 'public url', expires_at: null }),
	});
	const ctx = createExecutionContext();
	const response = await worker.fetch(
		request as Request<unknown, IncomingRequestCfProperties>,
		workerEnv,
		ctx,
	);
	await waitOnExecutionContext(ctx);
	return { status: response.status, body: await response.json() };
}

describe('the URL of a new MCP server', () => {
	it('comes from PUBLIC_URL in production, whatever the Host header says', async () => {
		const production = {
			...env,
			ENVIRONMENT: 'production',
			PUBLIC_URL: 'https://mcp.example.com/',
		};
		const { status, body } = await createServerAt('http://evil.example', production);
		expect(status).toBe(201);
		expect(body.url).toBe(`https://mcp.example.com/mcp/${body.token}`);
	});

	it('comes from the request origin in local development, where PUBLIC_URL is empty', async () => {
		const { status, body } = await createServerAt('http://127.0.0.1:8787', env);
		expect(status).toBe(201);
		expect(body.url).toBe(`http://127.0.0.1:8787/mcp/${body.token}`);
	});
});
