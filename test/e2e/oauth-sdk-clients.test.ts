/**
 * Both official TypeScript SDK clients (v1 `@modelcontextprotocol/sdk` and v2
 * `@modelcontextprotocol/client`) sign in to the OAuth-protected `/mcp` headlessly, once with dynamic
 * client registration (against `wrangler dev`) and once with a Client ID Metadata Document (against
 * the deploy bundle in workerd, whose outbound fetch serves the document), the consent form submitted
 * by the test; then they list and call tools.
 */
import {
	Client as ClientV2,
	StreamableHTTPClientTransport as TransportV2,
	UnauthorizedError as UnauthorizedV2,
} from '@modelcontextprotocol/client';
import type { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import {
	Response as MiniflareResponse,
	fetch as miniflareFetch,
	type Request as MiniflareRequest,
} from 'miniflare';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { provisionServer } from '../../scripts/local-server.mjs';
// @ts-expect-error plain ESM script without types
import { startWorkerd } from '../../scripts/lib/start-workerd.mjs';
import { approveConsent } from './oauth-consent-driver';
import { MemoryProvider, REDIRECT_URL, signInV1 } from './oauth-sign-in';

const CIMD_URL = 'https://client.example/oauth/edesk-e2e.json';

const text = (result: unknown): string =>
	(result as { content: { text: string }[] }).content[0]!.text;

/** v2: the same, with finishAuth(callback parameters) (RFC 9207: the SDK checks `iss`). */
async function signInV2(mcpUrl: string, key: string, provider: MemoryProvider): Promise<ClientV2> {
	const first = new TransportV2(new URL(mcpUrl), { authProvider: provider as never });
	await expect(
		new ClientV2(
			{ name: 'e2e-v2', version: '1' },
			{ versionNegotiation: { mode: 'auto' } },
		).connect(first),
	).rejects.toBeInstanceOf(UnauthorizedV2);
	const location = await approveConsent(provider.authorizationUrl!, key);
	await first.finishAuth(location.searchParams);
	const client = new ClientV2(
		{ name: 'e2e-v2', version: '1' },
		{ versionNegotiation: { mode: 'auto' } },
	);
	await client.connect(new TransportV2(new URL(mcpUrl), { authProvider: provider as never }));
	return client;
}

async function useTools(client: ClientV1 | ClientV2, expectedTools: number): Promise<void> {
	const { tools } = await client.listTools();
	expect(tools).toHaveLength(expectedTools);
	const page = await client.callTool({ name: 'list_all_e_desk_tickets', arguments: { limit: 2 } });
	expect(page.isError).toBeFalsy();
	expect((JSON.parse(text(page)) as { items: unknown[] }).items).toHaveLength(2);
	await client.close();
}

describe('SDK clients with dynamic client registration (wrangler dev)', () => {
	const oauthUrl = () => `${inject('origin')}/mcp`;

	it('v1 signs in with the read-only server key and lists its 19 tools', async () => {
		const provider = new MemoryProvider();
		const client = await signInV1(oauthUrl(), inject('readOnlyMcpUrl'), provider);
		expect(provider.authorizationUrl!.searchParams.get('resource')).toBe(oauthUrl());
		await useTools(client, 19);
	});

	it('v2 signs in with the full server key, negotiates 2026-07-28 and lists its 42 tools', async () => {
		const provider = new MemoryProvider();
		const client = await signInV2(oauthUrl(), inject('mcpUrl'), provider);
		expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
		await useTools(client, 42);
	});
});

describe('SDK clients with a Client ID Metadata Document (workerd)', () => {
	let workerd: { origin: string; apiToken: string; dispose(): Promise<void> };
	let key = '';

	beforeAll(async () => {
		const document = {
			client_id: CIMD_URL,
			client_name: 'edesk-mcp e2e (CIMD)',
			redirect_uris: [REDIRECT_URL],
			token_endpoint_auth_method: 'none',
			grant_types: ['authorization_code', 'refresh_token'],
		};
		const outboundService = async (request: MiniflareRequest) =>
			request.url === CIMD_URL
				? new MiniflareResponse(JSON.stringify(document), {
						headers: { 'content-type': 'application/json' },
					})
				: miniflareFetch(request.url, {
						method: request.method,
						headers: request.headers,
						redirect: 'manual',
					});
		workerd = await startWorkerd({ rateLimit: false, outboundService });
		const { url } = await provisionServer(workerd.origin, workerd.apiToken, { serverName: 'cimd' });
		key = url;
	}, 120_000);
	afterAll(() => workerd?.dispose());

	it('v1 signs in without registering', async () => {
		const provider = new MemoryProvider(CIMD_URL);
		const client = await signInV1(`${workerd.origin}/mcp`, key, provider);
		expect(provider.authorizationUrl!.searchParams.get('client_id')).toBe(CIMD_URL);
		expect(provider.store.client).toMatchObject({ client_id: CIMD_URL });
		await useTools(client, 42);
	});

	it('v2 signs in without registering', async () => {
		const provider = new MemoryProvider(CIMD_URL);
		const client = await signInV2(`${workerd.origin}/mcp`, key, provider);
		expect(provider.authorizationUrl!.searchParams.get('client_id')).toBe(CIMD_URL);
		await useTools(client, 42);
	});
});
