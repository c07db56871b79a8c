/**
 * The consent page `/authorize`. It shows the client and exactly what is granted, escapes
 * everything that came from a client, is bound to the browser that opened it (CSRF), carries the same
 * CSP discipline as /admin, lets the person deny, and rate-limits failed access keys.
 */
import { describe, expect, it } from 'vitest';
import { createTestServer } from '../helpers/mcp';
import {
	authorizePath,
	openConsent,
	pkce,
	REDIRECT_URI,
	registerClient,
	submitConsent,
} from '../helpers/oauth';

async function startConsent(clientName = 'Test client'): Promise<{ path: string }> {
	const clientId = await registerClient({ client_name: clientName });
	const { challenge } = await pkce();
	return { path: authorizePath(clientId, challenge) };
}

describe('GET /authorize', () => {
	it('shows the client, where access goes, and asks for the access key, with a strict CSP', async () => {
		const { path } = await startConsent();
		const page = await openConsent(path);
		expect(page.status).toBe(200);
		expect(page.html).toContain('Connect <span class="client">Test client</span>');
		expect(page.html).toContain('This app registered itself: its name is not verified.');
		expect(page.html).toContain('Access will be sent to <strong>127.0.0.1</strong>');
		expect(page.html).toContain('Access goes to an app on this computer');
		expect(page.html).toContain('name="key" type="password"');
		expect(page.html).not.toMatch(/<script|style=/);
		const headers = page.response.headers;
		expect(headers.get('content-security-policy')).toBe(
			"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' http://127.0.0.1:5555; frame-ancestors 'none'; base-uri 'none'",
		);
		expect(headers.get('cache-control')).toBe('no-store');
		expect(headers.get('x-frame-options')).toBe('DENY');
		expect(page.cookie).toMatch(/^__Host-oauth-consent-/);
	});

	it('escapes a hostile client name', async () => {
		const { path } = await startConsent('<img src=x onerror=alert(1)>"&');
		const page = await openConsent(path);
		expect(page.html).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;&#38;');
		expect(page.html).not.toContain('<img src=x');
	});
});

describe('POST /authorize', () => {
	it('shows exactly what is granted once the key checks out, without echoing the key', async () => {
		const server = await createTestServer({ config: { methods: ['read'], tags: ['orders'] } });
		const { path } = await startConsent();
		const page = await openConsent(path);
		const checked = await submitConsent(
			path,
			page,
			{ step: 'check', key: server.url },
			{ address: '198.51.100.10' },
		);
		const html = await checked.text();
		expect(checked.status).toBe(200);
		expect(html).toContain('<dt>eDesk account</dt><dd>Test sandbox</dd>');
		expect(html).toContain('<dt>MCP server</dt><dd>test</dd>');
		expect(html).toContain('<dt>Methods</dt><dd>read</dd>');
		expect(html).toContain('<dt>Tool groups</dt><dd>orders</dd>');
		// READ_ORDERS_TOOLS of test/helpers/tool-sets.ts: six orders tools, then search and fetch.
		expect(html).toContain('<dt>Tools</dt><dd>8</dd>');
		expect(html).toContain('<dt>Access ends</dt><dd>never</dd>');
		expect(html).not.toContain(server.token);
	});

	it('refuses a form sent without the browser cookie of the page (CSRF)', async () => {
		const server = await createTestServer();
		const { path } = await startConsent();
		const page = await openConsent(path);
		const checked = await submitConsent(
			path,
			page,
			{ step: 'check', key: server.url },
			{ address: '198.51.100.11' },
		);
		const ticket = /name="ticket" value="([^"]+)"/.exec(await checked.text())![1]!;
		const forged = await submitConsent(
			path,
			page,
			{ step: 'approve', ticket },
			{ cookie: '', address: '198.51.100.11' },
		);
		expect(forged.status).toBe(400);
		expect(forged.headers.get('location')).toBeNull();
	});

	it('refuses a ticket of another consent page', async () => {
		const server = await createTestServer();
		const first = await startConsent();
		const a = await openConsent(first.path);
		const checked = await submitConsent(
			first.path,
			a,
			{ step: 'check', key: server.url },
			{ address: '198.51.100.12' },
		);
		const ticket = /name="ticket" value="([^"]+)"/.exec(await checked.text())![1]!;
		const second = await startConsent();
		const b = await openConsent(second.path);
		const reused = await submitConsent(
			second.path,
			b,
			{ step: 'approve', ticket },
			{ address: '198.51.100.12' },
		);
		expect(reused.status).toBe(400);
		expect(await reused.text()).toContain('This approval cannot be used');
	});

	it('sends the client access_denied when the person denies', async () => {
		const { path } = await startConsent();
		const page = await openConsent(path);
		const denied = await submitConsent(path, page, { step: 'deny' });
		expect(denied.status).toBe(302);
		const location = new URL(denied.headers.get('location')!);
		expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
		expect(location.searchParams.get('error')).toBe('access_denied');
		expect(location.searchParams.get('state')).toBe('state-123');
	});

	it('rate-limits wrong access keys per address: the sixth attempt waits, and so does a right key then', async () => {
		const server = await createTestServer();
		const { path } = await startConsent();
		const page = await openConsent(path);
		const address = '203.0.113.77';
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) {
			const wrong = await submitConsent(
				path,
				page,
				{ step: 'check', key: `em_${'x'.repeat(43)}` },
				{ address },
			);
			statuses.push(wrong.status);
			if (i === 0)
				expect(await wrong.text()).toContain('This access key does not open an MCP server');
		}
		expect(statuses).toEqual([400, 400, 400, 400, 429]);
		const right = await submitConsent(path, page, { step: 'check', key: server.url }, { address });
		expect(right.status).toBe(429);
		expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
		// Another address is not affected.
		const elsewhere = await submitConsent(
			path,
			page,
			{ step: 'check', key: server.url },
			{ address: '203.0.113.78' },
		);
		expect(elsewhere.status).toBe(200);
	});
});
