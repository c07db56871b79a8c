/** Test helpers for the MCP endpoint: a server record seeded through the real token store, and JSON-RPC calls. */
import { env, exports } from 'cloudflare:workers';
import { encryptSecret } from '../../worker/auth/credential-crypto';
import { createUrlToken, sha256Hex } from '../../worker/auth/hash';
import type { ServerConfig } from '../../worker/auth/records';
import { createTokenStore } from '../../worker/auth/token-store';
import { SANDBOX_BASE_URL } from '../../worker/config';

export const SANDBOX_FULL_TOKEN = 'sandbox-full-access';
export const SANDBOX_READ_TOKEN = 'sandbox-read-only';

export interface TestServer {
	token: string;
	tokenHash: string;
	accountId: string;
	serverId: string;
	url: string;
}

/** Connects a sandbox account and an MCP server for it, straight through the token store. */
export async function createTestServer(
	options: { config?: Partial<ServerConfig>; expiresAt?: string | null; edeskToken?: string } = {},
): Promise<TestServer> {
	const store = createTokenStore(env.TOKENS);
	const accountId = crypto.randomUUID();
	await store.putAccount({
		id: accountId,
		name: 'Test sandbox',
		base_url: SANDBOX_BASE_URL,
		credential: await encryptSecret(options.edeskToken ?? SANDBOX_FULL_TOKEN, env.CREDENTIAL_KEY),
		created_at: new Date().toISOString(),
	});
	const token = createUrlToken();
	const tokenHash = await sha256Hex(token);
	const serverId = crypto.randomUUID();
	await store.putServer({
		id: serverId,
		account_id: accountId,
		name: 'test',
		config: {
			methods: ['read', 'write'],
			tags: [],
			require_api_token_auth: false,
			tool_exposure: 'all',
			...options.config,
		},
		token_hash: tokenHash,
		expires_at: options.expiresAt ?? null,
		created_at: new Date().toISOString(),
		expiry_scheduled: options.expiresAt ? true : undefined,
	});
	return { token, tokenHash, accountId, serverId, url: `http://127.0.0.1/mcp/${token}` };
}

export const JSON_HEADERS = {
	'content-type': 'application/json',
	accept: 'application/json, text/event-stream',
};

/** POSTs a raw body to the MCP URL of `server`. */
export function post(
	url: string,
	body: string,
	headers: Record<string, string> = {},
): Promise<Response> {
	return exports.default.fetch(
		new Request(url, { method: 'POST', body, headers: { ...JSON_HEADERS, ...headers } }),
	);
}

let nextId = 1;

/** Sends one JSON-RPC request and returns the HTTP response and its parsed JSON body. */
export async function rpc(
	url: string,
	method: string,
	params?: Record<string, unknown>,
	headers: Record<string, string> = {},
): Promise<{ response: Response; body: any }> {
	const response = await post(
		url,
		JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
		{
			'mcp-protocol-version': '2025-11-25',
			...headers,
		},
	);
	return { response, body: await readRpcBody(response) };
}

/** The JSON-RPC message of a JSON or SSE response (the last SSE event); {} for an empty body. */
export async function readRpcBody(response: Response): Promise<any> {
	const text = await response.text();
	if (!text) return {};
	if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream'))
		return JSON.parse(text);
	const data = text.split('\n').filter((line) => line.startsWith('data: '));
	return JSON.parse(data.at(-1)!.slice('data: '.length));
}

/** Calls a tool and returns the parsed JSON of its first text block plus the raw result. */
export async function callTool(
	url: string,
	name: string,
	args: Record<string, unknown> = {},
	headers: Record<string, string> = {},
): Promise<{ response: Response; isError: boolean; data: any; result: any }> {
	const { response, body } = await rpc(url, 'tools/call', { name, arguments: args }, headers);
	if (body.error) throw new Error(`JSON-RPC error ${body.error.code}: ${body.error.message}`);
	const text: string = body.result.content[0].text;
	return {
		response,
		isError: body.result.isError === true,
		data: JSON.parse(text),
		result: body.result,
	};
}

/** Resets the sandbox's state, rate limiter and request log. */
export async function resetSandbox(): Promise<void> {
	await env.EDESK_SANDBOX!.fetch('http://edesk-sandbox.local/__sandbox/reset', { method: 'POST' });
}

/** Calls a sandbox control endpoint. */
export async function sandboxControl(path: string, body?: unknown): Promise<any> {
	const res = await env.EDESK_SANDBOX!.fetch(`http://edesk-sandbox.local/__sandbox/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return res.json();
}
