/**
 * Test helpers for the OAuth flow against the Worker in workerd: a client registered by RFC 7591,
 * PKCE, the consent page driven as a browser would (its cookie carried over), and the token request.
 */
import { exports } from 'cloudflare:workers';

/** The origin OAuth tests use: in development the resource is `<request origin>/mcp`. */
export const OAUTH_ORIGIN = 'http://127.0.0.1';
export const RESOURCE = `${OAUTH_ORIGIN}/mcp`;
export const REDIRECT_URI = 'http://127.0.0.1:5555/callback';

/** Sends a request to the Worker (never following redirects). */
export function send(path: string, init: RequestInit = {}): Promise<Response> {
	return exports.default.fetch(
		new Request(`${OAUTH_ORIGIN}${path}`, { redirect: 'manual', ...init }),
	);
}

/** Registers a public client (RFC 7591); returns its client_id. */
export async function registerClient(metadata: Record<string, unknown> = {}): Promise<string> {
	const response = await send('/oauth/register', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			client_name: 'Test client',
			redirect_uris: [REDIRECT_URI],
			token_endpoint_auth_method: 'none',
			grant_types: ['authorization_code', 'refresh_token'],
			...metadata,
		}),
	});
	if (response.status !== 201)
		throw new Error(`registration failed: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { client_id: string }).client_id;
}

function base64Url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export async function pkce(): Promise<{ verifier: string; challenge: string }> {
	const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
	return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

/** The path and query of an authorization request. */
export function authorizePath(
	clientId: string,
	challenge: string,
	overrides: Record<string, string | null> = {},
): string {
	const params: Record<string, string | null> = {
		response_type: 'code',
		client_id: clientId,
		redirect_uri: REDIRECT_URI,
		code_challenge: challenge,
		code_challenge_method: 'S256',
		state: 'state-123',
		scope: 'mcp',
		resource: RESOURCE,
		...overrides,
	};
	const query = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) if (v !== null) query.set(k, v);
	return `/authorize?${query}`;
}

/** One consent page as a browser holds it: its HTML, the form's handle and the consent cookie. */
export interface ConsentStep {
	status: number;
	html: string;
	handle: string;
	cookie: string;
	response: Response;
}

function hiddenValue(html: string, name: string): string {
	return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
}

/** GET /authorize, keeping the consent cookie. */
export async function openConsent(path: string): Promise<ConsentStep> {
	const response = await send(path);
	const html = await response.text();
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	return { status: response.status, html, handle: hiddenValue(html, 'handle'), cookie, response };
}

/** POSTs the consent form of `step` with `fields` (as the page's buttons send it). */
export async function submitConsent(
	path: string,
	step: ConsentStep,
	fields: Record<string, string>,
	options: { cookie?: string; address?: string } = {},
): Promise<Response> {
	const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
	const cookie = options.cookie ?? step.cookie;
	if (cookie) headers.cookie = cookie;
	if (options.address) headers['cf-connecting-ip'] = options.address;
	return send(path, {
		method: 'POST',
		headers,
		body: new URLSearchParams({ handle: step.handle, ...fields }),
	});
}

/** Drives the whole consent with `key`; the redirect Location to the client (code, state, iss). */
export async function consent(path: string, key: string, address = '192.0.2.1'): Promise<URL> {
	const first = await openConsent(path);
	if (first.status !== 200)
		throw new Error(
			`consent page ${first.status}: ${first.response.headers.get('location') ?? ''} ${first.html.slice(0, 300)}`,
		);
	const checked = await submitConsent(path, first, { step: 'check', key }, { address });
	const confirmHtml = await checked.text();
	if (checked.status !== 200)
		throw new Error(`key check ${checked.status}: ${confirmHtml.slice(0, 300)}`);
	const approved = await submitConsent(
		path,
		first,
		{ step: 'approve', ticket: hiddenValue(confirmHtml, 'ticket') },
		{ address },
	);
	const location = approved.headers.get('location');
	if (approved.status !== 302 || !location)
		throw new Error(`approval ${approved.status}: ${(await approved.text()).slice(0, 300)}`);
	return new URL(location);
}

/** POST /oauth/token with form `fields`; the status and parsed body. */
export async function tokenRequest(
	fields: Record<string, string>,
): Promise<{ status: number; body: any; response: Response }> {
	const response = await send('/oauth/token', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
	});
	return { status: response.status, body: await response.json(), response };
}

/** The whole flow for a server's key: register, consent, exchange. Returns the token response body. */
export async function signIn(
	key: string,
	clientId?: string,
): Promise<{ clientId: string; tokens: any; verifier: string }> {
	const id = clientId ?? (await registerClient());
	const { verifier, challenge } = await pkce();
	const location = await consent(authorizePath(id, challenge), key);
	const code = location.searchParams.get('code') ?? '';
	const { status, body } = await tokenRequest({
		grant_type: 'authorization_code',
		code,
		redirect_uri: REDIRECT_URI,
		client_id: id,
		code_verifier: verifier,
		resource: RESOURCE,
	});
	if (status !== 200) throw new Error(`token request ${status}: ${JSON.stringify(body)}`);
	return { clientId: id, tokens: body, verifier };
}

/** A JSON-RPC request to the OAuth MCP endpoint with `accessToken`. */
export async function oauthRpc(
	accessToken: string | null,
	method: string,
	params?: Record<string, unknown>,
): Promise<{ response: Response; body: any }> {
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		accept: 'application/json',
		'mcp-protocol-version': '2025-11-25',
	};
	if (accessToken) headers.authorization = `Bearer ${accessToken}`;
	const response = await send('/mcp', {
		method: 'POST',
		headers,
		body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
	});
	const text = await response.text();
	return { response, body: text ? JSON.parse(text) : null };
}
