/** Test helpers for the management API: API tokens minted with the test secret, and authenticated calls. */
import { env, exports } from 'cloudflare:workers';
import { SignJWT } from 'jose';
import { encryptSecret } from '../../worker/auth/credential-crypto';
import { createTokenStore } from '../../worker/auth/token-store';
import { SANDBOX_BASE_URL } from '../../worker/config';

/** Origin the tests pretend the Worker is served from (MCP URLs are built from it). */
export const ADMIN_ORIGIN = 'https://edesk-mcp.test';
/** Full-access token of the bundled eDesk sandbox. */
export const SANDBOX_FULL_TOKEN = 'sandbox-full-access';

/** Claims to override; `null` leaves a claim out. Times are seconds since the epoch. */
export interface TestClaims {
	sub?: string | null;
	iss?: string | null;
	aud?: string | string[] | null;
	exp?: number | null;
	iat?: number | null;
	nbf?: number | null;
	scope?: string | null;
	jti?: string | null;
}

/** An HS256 API token for the test environment (valid for an hour unless `claims` say otherwise). */
export async function mintApiToken(
	claims: TestClaims = {},
	options: { secret?: string } = {},
): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	const all: Record<string, unknown> = {
		sub: 'test-admin',
		scope: 'admin',
		iss: env.JWT_ISSUER,
		aud: env.JWT_AUDIENCE,
		iat: now,
		exp: now + 3600,
		jti: crypto.randomUUID(),
		...claims,
	};
	const payload = Object.fromEntries(
		Object.entries(all).filter(([, v]) => v !== null && v !== undefined),
	);
	return new SignJWT(payload)
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.sign(new TextEncoder().encode(options.secret ?? env.JWT_SECRET));
}

/** The Worker's default export (typed loosely until env.d.ts declares the main module). */
function worker(): Fetcher {
	return (exports as unknown as { default: Fetcher }).default;
}

/** Request options for adminFetch: `token: null` sends no Authorization header; `json` becomes the body. */
export interface AdminInit extends RequestInit {
	token?: string | null;
	json?: unknown;
}

/** Calls the Worker at `path` with a fresh valid API token unless `init.token` says otherwise. */
export async function adminFetch(path: string, init: AdminInit = {}): Promise<Response> {
	const { token, json, ...rest } = init;
	const headers = new Headers(rest.headers);
	const bearer = token === undefined ? await mintApiToken() : token;
	if (bearer !== null) headers.set('authorization', `Bearer ${bearer}`);
	let body = rest.body;
	if (json !== undefined) {
		body = JSON.stringify(json);
		if (!headers.has('content-type')) headers.set('content-type', 'application/json');
	}
	return worker().fetch(new Request(`${ADMIN_ORIGIN}${path}`, { ...rest, headers, body }));
}

/** adminFetch plus the parsed JSON body. */
export async function adminJson(
	path: string,
	init: AdminInit = {},
): Promise<{ response: Response; body: any }> {
	const response = await adminFetch(path, init);
	const text = await response.text();
	return { response, body: text ? JSON.parse(text) : null };
}

/** Stores a sandbox account straight through the token store (no /whoami call) and returns its id. */
export async function putTestAccount(name = 'Stored sandbox shop'): Promise<string> {
	const id = crypto.randomUUID();
	await createTokenStore(env.TOKENS).putAccount({
		id,
		name,
		base_url: SANDBOX_BASE_URL,
		credential: await encryptSecret(SANDBOX_FULL_TOKEN, env.CREDENTIAL_KEY),
		created_at: new Date().toISOString(),
	});
	return id;
}

/** Connects a sandbox account through the API (checked with /whoami) and returns its id. */
export async function createSandboxAccount(name = 'Sandbox shop'): Promise<string> {
	const { response, body } = await adminJson('/integrated-account', {
		method: 'POST',
		json: { name, api_token: SANDBOX_FULL_TOKEN, base_url: SANDBOX_BASE_URL },
	});
	if (response.status !== 201)
		throw new Error(`account create failed: ${response.status} ${JSON.stringify(body)}`);
	return body.id as string;
}

/** A date-time `seconds` from now, ISO 8601. */
export function inSeconds(seconds: number): string {
	return new Date(Date.now() + seconds * 1000).toISOString();
}
