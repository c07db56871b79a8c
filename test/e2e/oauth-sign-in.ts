/** Signs the official v1 SDK client in to the OAuth-protected `/mcp` headlessly: an in-memory provider, the consent page submitted over HTTP. */
import { UnauthorizedError as UnauthorizedV1 } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expect } from 'vitest';
import { approveConsent } from './oauth-consent-driver';

export const REDIRECT_URL = 'http://127.0.0.1:33418/callback';

/** An in-memory OAuthClientProvider of both SDKs; `redirectToAuthorization` only keeps the URL. */
export class MemoryProvider {
	store: Record<string, unknown> = {};
	authorizationUrl: URL | undefined;
	constructor(readonly clientMetadataUrl?: string) {}
	get redirectUrl(): string {
		return REDIRECT_URL;
	}
	get clientMetadata() {
		return {
			client_name: 'edesk-mcp e2e',
			redirect_uris: [REDIRECT_URL],
			grant_types: ['authorization_code', 'refresh_token'],
			response_types: ['code'],
			token_endpoint_auth_method: 'none',
		};
	}
	clientInformation() {
		return this.store.client as never;
	}
	saveClientInformation(info: unknown) {
		this.store.client = info;
	}
	tokens() {
		return this.store.tokens as never;
	}
	saveTokens(tokens: unknown) {
		this.store.tokens = tokens;
	}
	redirectToAuthorization(url: URL) {
		this.authorizationUrl = url;
	}
	saveCodeVerifier(verifier: string) {
		this.store.verifier = verifier;
	}
	codeVerifier() {
		return this.store.verifier as string;
	}
	saveDiscoveryState(state: unknown) {
		this.store.discovery = state;
	}
	discoveryState() {
		return this.store.discovery as never;
	}
}

/** v1: connect → 401 → consent → finishAuth(code) → a new transport, signed in. */
export async function signInV1(
	mcpUrl: string,
	key: string,
	provider: MemoryProvider,
): Promise<ClientV1> {
	const first = new TransportV1(new URL(mcpUrl), { authProvider: provider as never });
	await expect(
		new ClientV1({ name: 'e2e-v1', version: '1' }).connect(first),
	).rejects.toBeInstanceOf(UnauthorizedV1);
	const location = await approveConsent(provider.authorizationUrl!, key);
	await first.finishAuth(location.searchParams.get('code')!);
	const client = new ClientV1({ name: 'e2e-v1', version: '1' });
	await client.connect(new TransportV1(new URL(mcpUrl), { authProvider: provider as never }));
	return client;
}
