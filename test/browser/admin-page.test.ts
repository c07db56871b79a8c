/**
 * The management page at /admin in a real Chromium (Debian's, driven by playwright-core): sign in,
 * connect the sandbox account, create a read-only server with a preview, use its URL once, revoke it.
 * Screenshots of the main screens go to test-results/screenshots/.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from './chromium';

const SANDBOX_BASE_URL = 'http://edesk-sandbox.local/v1';
const ACCOUNT_NAME = 'Sandbox shop (browser test)';
const SERVER_NAME = 'Read-only for an hour';

const origin = inject('browserOrigin');
const apiToken = inject('browserApiToken');

let browser: Browser;
let page: Page;
/** Uncaught page errors and console errors (CSP violations land here). */
const problems: string[] = [];
/** What the page showed: the URL (once) and the previewed tool names. */
let serverUrl = '';
let previewNames: string[] = [];

async function shot(name: string, fullPage = true): Promise<void> {
	await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

/** tools/list through the official SDK client. */
async function listTools(
	url: string,
): Promise<{ name: string; annotations?: { readOnlyHint?: boolean } }[]> {
	const client = new Client({ name: 'edesk-mcp-browser-test', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(url)));
	try {
		return (await client.listTools()).tools;
	} finally {
		await client.close();
	}
}

/** A management API call from the test itself (to set up what the page should then show). */
async function adminCall<T>(method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${origin}${path}`, {
		method,
		headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	expect(response.ok).toBe(true);
	return (await response.json()) as T;
}

/** How many pixels the page is wider than the viewport (0 = no horizontal scroll). */
function horizontalOverflow(): Promise<number> {
	return page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
	);
}

async function previewCount(): Promise<number> {
	const summary = page.locator('#create-form .preview-summary');
	await expect
		.poll(() => page.locator('#create-form .preview').getAttribute('aria-busy'))
		.toBe('false');
	return Number(await summary.getAttribute('data-count'));
}

beforeAll(async () => {
	browser = await launchChromium();
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
	page = await context.newPage();
	page.setDefaultTimeout(15_000);
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		// Failed requests (the deliberate 401 and 400 answers) are logged by Chromium too; they are not page faults.
		if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
			problems.push(`console: ${message.text()}`);
		}
	});
});

afterAll(async () => {
	await browser?.close();
});

describe('management page in Chromium', () => {
	it('asks for an API token and keeps it in sessionStorage only', async () => {
		await page.goto(`${origin}/admin`);
		await expect.poll(() => page.locator('#signin').isVisible()).toBe(true);
		await shot('01-token-prompt');

		await page.getByLabel('API token', { exact: true }).fill('not-a-jwt');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('#signin-token-error').textContent()).not.toBe('');
		expect(await page.locator('#signin-token').getAttribute('aria-invalid')).toBe('true');

		await page.getByLabel('API token', { exact: true }).fill(apiToken);
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('#app').isVisible()).toBe(true);
		expect(await page.evaluate(() => sessionStorage.getItem('edesk-mcp.api-token'))).toBe(apiToken);
		expect(await page.evaluate(() => localStorage.length)).toBe(0);
		expect(page.url()).toBe(`${origin}/admin`);
	});

	it('connects the sandbox account and says what eDesk answered', async () => {
		const connect = page.locator('#connect-form');
		// The accounts load first (the connect form opens by itself when there are none).
		await expect.poll(() => page.locator('#account-list').getAttribute('aria-busy')).toBe('false');
		if (!(await connect.isVisible())) await page.getByText('Connect an eDesk account').click();
		await page.getByLabel('Name', { exact: true }).fill(ACCOUNT_NAME);
		await page.getByLabel('eDesk API token').fill('not-a-sandbox-token');
		await page.getByLabel('eDesk API base URL (optional)').fill(SANDBOX_BASE_URL);
		await connect.getByRole('button', { name: 'Check token and connect' }).click();
		await expect
			.poll(() => page.locator('#connect-token-error').textContent())
			.toContain('eDesk rejected the API token');

		await page.getByLabel('eDesk API token').fill('sandbox-full-access');
		await connect.getByRole('button', { name: 'Check token and connect' }).click();
		await expect
			.poll(() => page.locator('#accounts-status').textContent())
			.toContain('eDesk accepted the token');
		const card = page.locator('#account-list li', { hasText: ACCOUNT_NAME });
		await expect.poll(() => card.count()).toBe(1);
		await card.getByRole('button', { name: `Servers of ${ACCOUNT_NAME}` }).click();
		await expect.poll(() => page.locator('#servers-account').textContent()).toBe(ACCOUNT_NAME);
		await shot('02-accounts');
	});

	it('previews the tools, refuses a filter that leaves none, and creates a read-only server for 1 hour', async () => {
		const form = page.locator('#create-form');
		await expect.poll(() => form.isVisible()).toBe(true);
		await form.getByLabel('Name').fill(SERVER_NAME);

		// delete + tag "account" leaves no tool: the page says so and cannot save.
		await form.getByRole('checkbox', { name: /^Read/ }).uncheck();
		await form.getByRole('checkbox', { name: 'delete', exact: true }).check();
		await form.getByRole('checkbox', { name: 'account', exact: true }).check();
		expect(await previewCount()).toBe(0);
		await expect
			.poll(() => form.locator('[data-error-for="config"]').textContent())
			.toContain('leave no tool');
		expect(await form.getByRole('button', { name: 'Create MCP server' }).isDisabled()).toBe(true);

		await form.getByRole('checkbox', { name: 'delete', exact: true }).uncheck();
		await form.getByRole('checkbox', { name: 'account', exact: true }).uncheck();
		await form.getByRole('checkbox', { name: /^Read/ }).check();
		await form.getByRole('radio', { name: 'In 1 hour' }).check();
		const count = await previewCount();
		expect(count).toBeGreaterThan(0);
		previewNames = await form.locator('.tool-list code').allTextContents();
		expect(previewNames).toHaveLength(count);
		expect(await form.locator('.preview-summary').textContent()).toMatch(/tokens/);
		await shot('03-create-form-preview');

		await form.getByRole('button', { name: 'Create MCP server' }).click();
		const url = page.getByLabel('MCP server URL');
		await expect.poll(() => url.isVisible()).toBe(true);
		serverUrl = await url.inputValue();
		expect(serverUrl).toMatch(new RegExp(`^${origin}/mcp/em_[A-Za-z0-9_-]{43}$`));
		await page.getByRole('button', { name: 'Copy URL' }).click();
		await expect
			.poll(() => page.locator('#created [role=status]').textContent())
			.toContain('Copied');
		expect(await page.locator('#created pre').first().textContent()).toContain(serverUrl);
		await shot('04-url-shown-once');
		await page.setViewportSize({ width: 360, height: 800 });
		expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
		await shot('04b-url-shown-once-360px');
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('gives that URL exactly the previewed tools, all read-only', async () => {
		const tools = await listTools(serverUrl);
		expect(tools.map((t) => t.name)).toEqual(previewNames);
		for (const tool of tools) expect(tool.annotations?.readOnlyHint).toBe(true);
	});

	it('lists the server with its filters and a live countdown, and never shows the URL again', async () => {
		const row = page.locator('#server-rows tr', { hasText: SERVER_NAME });
		expect(await row.locator('[data-label="Filters"]').textContent()).toBe(
			'Methods: readTags: all',
		);
		const countdown = row.locator('.countdown');
		await expect.poll(() => countdown.textContent()).toMatch(/^(1 h 0 min|59 min \d+ s) left$/);
		const before = await countdown.textContent();
		await expect.poll(() => countdown.textContent(), { timeout: 5_000 }).not.toBe(before);

		await page.getByRole('button', { name: 'Done: hide the URL' }).click();
		await shot('05-servers-table');
		const token = serverUrl.split('/mcp/')[1] ?? '';
		expect(await page.content()).not.toContain(token);
		await page.reload();
		await expect
			.poll(() => page.locator('#server-rows tr', { hasText: SERVER_NAME }).count())
			.toBe(1);
		expect(await page.content()).not.toContain(token);
		expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(token);
	});

	it('renames the server from the edit dialog', async () => {
		await page.getByRole('button', { name: `Edit ${SERVER_NAME}` }).click();
		const dialog = page.locator('#edit');
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await expect.poll(() => dialog.locator('.preview').getAttribute('aria-busy')).toBe('false');
		await dialog.getByLabel('Name').fill(`${SERVER_NAME} (renamed)`);
		await dialog.getByRole('button', { name: 'Save changes' }).click();
		await expect.poll(() => dialog.isVisible()).toBe(false);
		await expect
			.poll(() => page.locator('#server-rows th').first().textContent())
			.toBe(`${SERVER_NAME} (renamed)`);
	});

	it('renders at 360 px without horizontal scrolling', async () => {
		await page.setViewportSize({ width: 360, height: 800 });
		expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
		await shot('06-servers-360px');
		await page.setViewportSize({ width: 1280, height: 900 });
	});

	it('revokes the server from the page (keyboard only) and its URL answers 404', async () => {
		await page.getByRole('button', { name: `Revoke ${SERVER_NAME} (renamed)` }).click();
		const dialog = page.locator('#confirm');
		await expect.poll(() => dialog.isVisible()).toBe(true);
		expect(await dialog.locator('#confirm-title').textContent()).toContain(SERVER_NAME);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect.poll(() => dialog.isVisible()).toBe(false);
		await expect.poll(() => page.locator('#server-rows tr').count()).toBe(0);
		expect(await page.locator('#servers-status').textContent()).toContain('Revoked');

		const response = await fetch(serverUrl, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/json, text/event-stream',
			},
			body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
		});
		expect(response.status).toBe(404);
	});

	it('disconnects the account after naming the servers that stop working', async () => {
		const accounts = await adminCall<{ data: { id: string; name: string }[] }>(
			'GET',
			'/integrated-account',
		);
		const account = accounts.data.find((a) => a.name === ACCOUNT_NAME);
		const created = await adminCall<{ url: string }>(
			'POST',
			`/integrated-account/${account?.id}/mcp`,
			{
				name: 'Doomed server',
			},
		);
		await page.reload();
		await expect.poll(() => page.locator('#server-rows tr').count()).toBe(1);

		await page.getByRole('button', { name: `Disconnect ${ACCOUNT_NAME}` }).click();
		const dialog = page.locator('#confirm');
		await expect.poll(() => dialog.isVisible()).toBe(true);
		expect(await dialog.locator('#confirm-body').textContent()).toContain(
			'This MCP server stops working at once:Doomed server',
		);
		await shot('07-disconnect-confirm', false);
		await dialog.getByRole('button', { name: 'Disconnect' }).click();
		await expect.poll(() => page.locator('#accounts-empty').isVisible()).toBe(true);
		expect(await page.locator('#accounts-status').textContent()).toContain(
			'1 MCP server(s) revoked',
		);
		expect(await page.locator('#servers').isVisible()).toBe(false);
		expect((await fetch(created.url, { method: 'POST', body: '{}' })).status).toBe(404);
	});

	it('forgets the API token on sign-out', async () => {
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect.poll(() => page.locator('#signin').isVisible()).toBe(true);
		expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
	});

	it('logged no script error or CSP violation', () => {
		expect(problems).toEqual([]);
	});
});
