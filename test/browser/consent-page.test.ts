/**
 * The OAuth consent page (`/authorize`) in Chromium: a wrong access key is refused, the
 * right one shows what is granted, Allow sends the client its code, and the page keeps to its CSP.
 * Screenshots go to test-results/screenshots/ (consent-*.png).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from './chromium';

const origin = inject('browserOrigin');
const apiToken = inject('browserApiToken');
const CALLBACK_PORT = 5599;
const REDIRECT_URI = `http://127.0.0.1:${CALLBACK_PORT}/callback`;

let browser: Browser;
let page: Page;
const problems: string[] = [];
let serverUrl = '';
let authorizeUrl = '';
let verifier = '';
let clientId = '';

async function adminCall<T>(method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${origin}${path}`, {
		method,
		headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok)
		throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

const shot = (name: string) =>
	page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });

beforeAll(async () => {
	const account = await adminCall<{ id: string }>('POST', '/integrated-account', {
		name: 'Sandbox shop (consent test)',
		api_token: 'sandbox-full-access',
		base_url: 'http://edesk-sandbox.local/v1',
	});
	const server = await adminCall<{ url: string }>('POST', `/integrated-account/${account.id}/mcp`, {
		name: 'Orders, read only',
		config: { methods: ['read'], tags: ['orders'] },
		expires_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
	});
	serverUrl = server.url;
	const registered = await fetch(`${origin}/oauth/register`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			client_name: 'Claude (test)',
			redirect_uris: [REDIRECT_URI],
			token_endpoint_auth_method: 'none',
		}),
	});
	clientId = ((await registered.json()) as { client_id: string }).client_id;
	verifier = randomBytes(32).toString('base64url');
	const challenge = createHash('sha256').update(verifier).digest('base64url');
	const query = new URLSearchParams({
		response_type: 'code',
		client_id: clientId,
		redirect_uri: REDIRECT_URI,
		code_challenge: challenge,
		code_challenge_method: 'S256',
		state: 'browser-state',
		scope: 'mcp offline_access',
		resource: `${origin}/mcp`,
	});
	authorizeUrl = `${origin}/authorize?${query}`;
	browser = await launchChromium();
	page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
	page.setDefaultTimeout(15_000);
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
			problems.push(`console: ${message.text()}`);
	});
});

afterAll(async () => {
	await browser?.close();
});

describe('the consent page in Chromium', () => {
	it('asks for the access key of a server', async () => {
		await page.goto(authorizeUrl);
		await expect
			.poll(() => page.locator('h1').textContent())
			.toBe('Connect Claude (test) to an eDesk MCP server');
		await expect
			.poll(() => page.getByLabel('Access key of the MCP server').getAttribute('type'))
			.toBe('password');
		await shot('consent-key');
	});

	it('refuses a wrong key and says so next to the field', async () => {
		await page
			.getByLabel('Access key of the MCP server')
			.fill(`${origin}/mcp/em_${'A'.repeat(43)}`);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect
			.poll(() => page.locator('#key-error').textContent())
			.toContain('does not open an MCP server');
		await shot('consent-wrong-key');
	});

	it('shows exactly what is granted for the right key, on a narrow screen too', async () => {
		await page.getByLabel('Access key of the MCP server').fill(serverUrl);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect
			.poll(() => page.locator('h1').textContent())
			.toBe('Allow Claude (test) to use this MCP server?');
		const facts = await page.locator('dl').innerText();
		expect(facts).toContain('Sandbox shop (consent test)');
		expect(facts).toContain('Orders, read only');
		expect(facts).toContain('orders');
		expect(await page.content()).not.toContain(serverUrl.split('/mcp/')[1]);
		await shot('consent-confirm');
		await page.setViewportSize({ width: 360, height: 800 });
		expect(
			await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			),
		).toBe(0);
		await shot('consent-confirm-360px');
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('sends the client its code on Allow, which buys a token for the server', async () => {
		// The client's redirect URI: a local app's callback server, as a desktop client runs one.
		let callback: URL | undefined;
		const app = createServer((req, res) => {
			callback = new URL(req.url ?? '/', REDIRECT_URI);
			res
				.writeHead(200, { 'content-type': 'text/html' })
				.end('<p>Signed in; you can close this tab.</p>');
		});
		await new Promise<void>((resolve) => app.listen(CALLBACK_PORT, '127.0.0.1', resolve));
		try {
			await page.getByRole('button', { name: 'Allow' }).click();
			await expect.poll(() => callback?.searchParams.get('code') ?? null).not.toBeNull();
		} finally {
			app.close();
		}
		await shot('consent-done');
		expect(callback!.searchParams.get('state')).toBe('browser-state');
		expect(callback!.searchParams.get('iss')).toBe(origin);
		const token = await fetch(`${origin}/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code: callback!.searchParams.get('code')!,
				redirect_uri: REDIRECT_URI,
				client_id: clientId,
				code_verifier: verifier,
			}),
		});
		const tokens = (await token.json()) as { access_token: string };
		const listed = await fetch(`${origin}/mcp`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${tokens.access_token}`,
				'content-type': 'application/json',
				accept: 'application/json',
			},
			body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
		});
		// read + tag "orders": the six order read tools, and ChatGPT's search and fetch (orders side).
		expect(((await listed.json()) as { result: { tools: unknown[] } }).result.tools).toHaveLength(
			8,
		);
	});

	it('ran without a script error or a CSP violation', () => {
		expect(problems).toEqual([]);
	});
});
