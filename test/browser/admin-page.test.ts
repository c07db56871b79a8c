/**
 * The management page at /admin in a real Chromium (Debian's, driven by playwright-core): sign in,
 * connect the sandbox account, create a read-only server with a preview, use its URL once, read its
 * activity page by page, connect it with OAuth and revoke that sign-in, revoke the server.
 * Screenshots of the main screens go to test-results/screenshots/.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { readFileSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MemoryProvider, signInV1 } from '../e2e/oauth-sign-in';
import { launchChromium, SCREENSHOTS } from './chromium';

/** The versions package.json installs, which the page's snippets must pin. */
function installedVersion(name: string): string {
	const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
	return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

const SANDBOX_BASE_URL = 'http://edesk-sandbox.local/v1';
const ACCOUNT_NAME = 'Sandbox shop (browser test)';
const SERVER_NAME = 'Read-only for an hour';
/** What tools/list holds on a server with `tool_exposure: "discovery"`. */
const META_TOOLS = ['search_tools', 'get_tool_schema', 'call_tool'];

const origin = inject('browserOrigin');
const apiToken = inject('browserApiToken');

let browser: Browser;
let page: Page;
/** Uncaught page errors and console errors (CSP violations land here). */
const problems: string[] = [];
/** Responses the page got with a 4xx or 5xx, other than from the management API. */
const failedAssets: string[] = [];
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

/**
 * How many preview entries are listed, and how many of them sit in a scroll box that clips them (an
 * overlay scrollbar shows nothing of what is below): every entry must be reachable by scrolling the
 * page itself.
 */
function allToolsInView(): Promise<{ listed: number; hidden: number }> {
	return page.locator('#create-form .tool-list').evaluate((list) => {
		const items = [...list.querySelectorAll('li')];
		let hidden = 0;
		for (const item of items) {
			const rect = item.getBoundingClientRect();
			for (let el = item.parentElement; el && el !== document.body; el = el.parentElement) {
				const box = el.getBoundingClientRect();
				const clips = getComputedStyle(el).overflowY !== 'visible';
				if (clips && (rect.bottom > box.bottom + 0.5 || rect.top < box.top - 0.5)) {
					hidden++;
					break;
				}
			}
		}
		return { listed: items.length, hidden };
	});
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
	page.on('response', (response) => {
		const path = new URL(response.url()).pathname;
		if (response.status() >= 400 && !path.startsWith('/integrated-account')) {
			failedAssets.push(`${response.status()} ${path}`);
		}
	});
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
		// The icon the page names loads (it used to be a 404).
		const icon = await page.evaluate(async () => {
			const href = document.querySelector<HTMLLinkElement>('link[rel=icon]')?.href ?? '';
			const response = await fetch(href);
			return {
				path: new URL(href).pathname,
				status: response.status,
				type: response.headers.get('content-type'),
			};
		});
		expect(icon).toEqual({ path: '/favicon.ico', status: 200, type: 'image/vnd.microsoft.icon' });
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

	it('breaks a long email address in a narrow card only before its "@" or a "."', async () => {
		const card = page.locator('#account-list li', { hasText: ACCOUNT_NAME });
		const result = await card.evaluate((el: HTMLElement) => {
			el.style.width = '190px';
			const email = el.querySelector('.email');
			if (!email) return null;
			const starts: string[] = [];
			let lastTop: number | null = null;
			const walker = document.createTreeWalker(email, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent ?? '';
				for (let i = 0; i < text.length; i++) {
					const range = document.createRange();
					range.setStart(node, i);
					range.setEnd(node, i + 1);
					const top = range.getBoundingClientRect().top;
					if (lastTop !== null && top > lastTop + 1) starts.push(text.slice(i));
					lastTop = top;
				}
			}
			const overflow = email.getBoundingClientRect().right - el.getBoundingClientRect().right;
			el.style.width = '';
			return { text: email.textContent, starts, overflow };
		});
		expect(result?.text).toMatch(/^[^@\s]+@northwindoutdoor\.com$/);
		// At 190 px the address needs two lines at least; each new line starts at "@" or ".".
		expect(result?.starts.length).toBeGreaterThan(0);
		for (const start of result?.starts ?? []) expect(start).toMatch(/^[@.]/);
		expect(result?.overflow).toBeLessThanOrEqual(0);
	});

	it('previews the tools, refuses a filter that leaves none, and creates a read-only server for 1 hour', async () => {
		const form = page.locator('#create-form');
		await expect.poll(() => form.isVisible()).toBe(true);
		// "Tags" would read as eDesk ticket tags: the filter is called tool groups.
		const legends = await form.locator('legend').allTextContents();
		expect(legends).toContain('Tool groups');
		expect(legends).not.toContain('Tags');
		expect(await form.locator('fieldset', { hasText: 'Tool groups' }).textContent()).toContain(
			'not eDesk ticket tags',
		);
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
		// The date picker allows what the Worker accepts: at most 5 years ahead (1,826 days).
		const picker = form.getByLabel('Expiry date and time (your local time)');
		const max = Date.parse((await picker.getAttribute('max')) ?? '');
		expect(Math.round((max - Date.now()) / 86_400_000)).toBe(1826);
		const count = await previewCount();
		expect(count).toBeGreaterThan(0);
		previewNames = await form.locator('.tool-list code').allTextContents();
		expect(previewNames).toHaveLength(count);
		expect(await form.locator('.preview-summary').textContent()).toMatch(/tokens/);
		expect(await allToolsInView()).toEqual({ listed: count, hidden: 0 });
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
		const snippets = await page.locator('#created pre').allTextContents();
		expect(snippets.join('\n')).toContain(serverUrl);
		expect(snippets.join('\n')).toContain(`"mcp-remote@${installedVersion('mcp-remote')}"`);
		expect(snippets.join('\n')).toContain(
			`-p @modelcontextprotocol/inspector@${installedVersion('@modelcontextprotocol/inspector')} --`,
		);
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
			'Methods: readTool groups: all',
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

	it('shows the use of the last 24 hours and the activity log, newest first, page by page', async () => {
		const client = new Client({ name: 'edesk-mcp-browser-test', version: '1.0.0' });
		await client.connect(new StreamableHTTPClientTransport(new URL(serverUrl)));
		for (let i = 0; i < 26; i++) await client.callTool({ name: 'get_single_e_desk_me' });
		const missing = await client.callTool({
			name: 'get_single_e_desk_ticket_by_id',
			arguments: { id: 1 },
		});
		expect(missing.isError).toBe(true);
		// A write tool on this read-only server: refused, and recorded as refused.
		await expect(client.callTool({ name: 'create_a_e_desk_tag', arguments: {} })).rejects.toThrow();
		await client.close();

		const row = page.locator('#server-rows tr', { hasText: SERVER_NAME });
		await expect
			.poll(
				async () => {
					await page.reload();
					return row.locator('[data-label="Use"]').textContent({ timeout: 5_000 });
				},
				{ timeout: 15_000, interval: 500 },
			)
			.toBe('Last used just now28 calls · 2 failures in 24 h');

		await row.getByRole('button', { name: `Activity of ${SERVER_NAME}` }).click();
		const dialog = page.locator('#activity');
		await expect
			.poll(() => dialog.locator('#activity-table').getAttribute('aria-busy'))
			.toBe('false');
		const rows = dialog.locator('#activity-rows tr');
		expect(await rows.count()).toBe(25);
		const newest = rows.first();
		expect(await newest.locator('[data-label="Tool"]').textContent()).toBe('create_a_e_desk_tag');
		expect(await newest.locator('[data-label="Outcome"]').textContent()).toBe(
			'Refused not a tool of this server',
		);
		const error = rows.nth(1);
		expect(await error.locator('[data-label="Tool"]').textContent()).toBe(
			'get_single_e_desk_ticket_by_id',
		);
		expect(await error.locator('[data-label="Outcome"]').textContent()).toMatch(
			/^Error not_found, eDesk 404$/,
		);
		expect(await error.locator('[data-label="Records"]').textContent()).toBe('id 1');
		expect(await rows.nth(2).locator('[data-label="Outcome"]').textContent()).toBe('OK');
		expect(await rows.nth(2).locator('[data-label="Via"]').textContent()).toBe('URL');
		await shot('06-activity', false);

		await dialog.getByRole('button', { name: 'Show older' }).click();
		await expect.poll(() => rows.count()).toBe(28);
		expect(await dialog.getByRole('button', { name: 'Show older' }).isVisible()).toBe(false);
		expect(await dialog.locator('#activity-status').textContent()).toBe(
			'28 calls shown (all kept).',
		);
		const times = await dialog
			.locator('#activity-rows time')
			.evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
		expect(times).toHaveLength(28);
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		await page.setViewportSize({ width: 360, height: 800 });
		expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
		await shot('06b-activity-360px', false);
		await page.setViewportSize({ width: 1280, height: 900 });
		await dialog.getByRole('button', { name: 'Close' }).click();
	});

	it('says how to connect the server with OAuth, lists its sign-ins and revokes one', async () => {
		const row = page.locator('#server-rows tr', { hasText: SERVER_NAME });
		await row.getByRole('button', { name: `OAuth sign-ins of ${SERVER_NAME}` }).click();
		const dialog = page.locator('#oauth');
		await expect
			.poll(() => dialog.locator('#grants-status').textContent())
			.toBe('No one has signed in to this server with OAuth.');
		expect(await dialog.getByLabel(/MCP server URL for OAuth/).inputValue()).toBe(`${origin}/mcp`);
		const howTo = (await dialog.locator('.oauth-howto').textContent()) ?? '';
		expect(howTo).toContain('ChatGPT');
		expect(howTo).toContain('claude.ai');
		expect(howTo).toContain('choose OAuth');
		await dialog.getByRole('button', { name: 'Close' }).click();

		// A real OAuth client signs in with the server's URL as its access key and calls a tool.
		const client = await signInV1(`${origin}/mcp`, serverUrl, new MemoryProvider());
		await client.callTool({ name: 'get_single_e_desk_me' });

		await row.getByRole('button', { name: `OAuth sign-ins of ${SERVER_NAME}` }).click();
		const grant = dialog.locator('#grant-rows tr');
		await expect.poll(() => grant.count()).toBe(1);
		expect(await grant.locator('[data-label="Client"]').textContent()).toMatch(/^edesk-mcp e2e/);
		await expect
			.poll(async () => {
				await dialog.getByRole('button', { name: 'Close' }).click();
				await row.getByRole('button', { name: `OAuth sign-ins of ${SERVER_NAME}` }).click();
				return grant.locator('[data-label="Last used"]').textContent();
			})
			.toBe('just now');
		await shot('07-oauth-sign-ins', false);

		await grant.getByRole('button', { name: /^Revoke the sign-in of edesk-mcp e2e/ }).click();
		const confirm = page.locator('#confirm');
		await expect.poll(() => confirm.isVisible()).toBe(true);
		await confirm.getByRole('button', { name: 'Revoke sign-in' }).click();
		await expect.poll(() => confirm.isVisible()).toBe(false);
		await expect
			.poll(() => dialog.locator('#grants-status').textContent())
			.toBe('No one has signed in to this server with OAuth.');
		await expect(client.callTool({ name: 'get_single_e_desk_me' })).rejects.toThrow();
		await client.close();
		await dialog.getByRole('button', { name: 'Close' }).click();
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
			.poll(() => page.locator('#server-rows .server-name').first().textContent())
			.toBe(`${SERVER_NAME} (renamed)`);
	});

	it('switches the server to discovery: the preview names the three meta-tools and what they reach', async () => {
		const name = `${SERVER_NAME} (renamed)`;
		await page.getByRole('button', { name: `Edit ${name}` }).click();
		const dialog = page.locator('#edit');
		await expect.poll(() => dialog.locator('.preview').getAttribute('aria-busy')).toBe('false');
		await dialog.getByRole('radio', { name: 'Discovery: three meta-tools' }).check();
		expect(await dialog.locator('.hint', { hasText: /^Discovery lists/ }).textContent()).toBe(
			'Discovery lists only search_tools, get_tool_schema and call_tool, which find and run the same tools.',
		);
		const summary = dialog.locator('.preview-summary');
		await expect
			.poll(() => summary.textContent())
			.toMatch(/^Discovery: tools\/list holds 3 meta-tools · about \d+ tokens in tools\/list$/);
		const tokens = Number(/about (\d+) tokens/.exec((await summary.textContent()) ?? '')?.[1]);
		expect(tokens).toBeLessThanOrEqual(800);
		expect(await dialog.locator('.tool-list code').allTextContents()).toEqual(META_TOOLS);
		expect(await dialog.locator('.reachable-summary').textContent()).toBe(
			`They reach ${previewNames.length} tools:`,
		);
		expect(await dialog.locator('.reachable-list code').allTextContents()).toEqual(previewNames);
		await shot('08-edit-discovery-preview', false);
		await dialog.getByRole('button', { name: 'Save changes' }).click();
		await expect.poll(() => dialog.isVisible()).toBe(false);
		const row = page.locator('#server-rows tr', { hasText: name });
		await expect
			.poll(() => row.locator('[data-label="Filters"]').textContent())
			.toBe('Methods: readTool groups: allDiscovery');
		expect((await listTools(serverUrl)).map((t) => t.name)).toEqual(META_TOOLS);
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

	it('logged no script error or CSP violation, and every asset loaded (the icon too)', () => {
		expect(problems).toEqual([]);
		expect(failedAssets).toEqual([]);
	});
});
