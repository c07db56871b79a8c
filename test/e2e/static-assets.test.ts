/**
 * /admin, its script and stylesheet, /favicon.ico and /openapi.json as `wrangler dev` serves them:
 * Workers Static Assets with the headers of worker/admin-ui/_headers (strict CSP, no caching, no framing).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { buildOpenApi } from '../../scripts/lib/openapi.mjs';

const origin = inject('origin');

function get(path: string, init: RequestInit = {}): Promise<Response> {
	return fetch(`${origin}${path}`, { redirect: 'manual', ...init });
}

const ASSETS = [
	['/admin', 'text/html; charset=utf-8'],
	['/admin/app.js', 'text/javascript; charset=utf-8'],
	['/admin/app.css', 'text/css; charset=utf-8'],
	['/favicon.ico', 'image/vnd.microsoft.icon'],
	['/openapi.json', 'application/json'],
] as const;

describe('the static assets', () => {
	it('serve the page with a strict CSP, no-store and no framing, without an API token', async () => {
		const response = await get('/admin');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		const csp = response.headers.get('content-security-policy') ?? '';
		for (const directive of [
			"default-src 'none'",
			"script-src 'self'",
			"style-src 'self'",
			"connect-src 'self'",
			"frame-ancestors 'none'",
			"form-action 'none'",
			"base-uri 'none'",
			"require-trusted-types-for 'script'",
		]) {
			expect(csp).toContain(directive);
		}
		expect(csp).not.toContain('unsafe-inline');
		const html = await response.text();
		expect(html).toMatch(/<script src="\/admin\/app\.js" defer><\/script>/);
		expect(html).toMatch(/<link rel="stylesheet" href="\/admin\/app\.css" ?\/?>/);
		expect(html).toMatch(/<link rel="icon" href="\/favicon\.ico"/);
	});

	it('has no inline script, style or event handler in the page', async () => {
		const html = await (await get('/admin')).text();
		expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="/admin/app.js" defer>']);
		expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
	});

	it.each(ASSETS)('serves %s as %s with the same headers', async (path, type) => {
		const response = await get(path);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(type);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
	});

	it('serves one 32 × 32 icon as /favicon.ico', async () => {
		const bytes = Buffer.from(await (await get('/favicon.ico')).arrayBuffer());
		// ICONDIR: reserved 0, type 1 (icon), one image; the entry says 32 × 32 and points at a PNG.
		expect([...bytes.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
		expect([bytes[6], bytes[7]]).toEqual([32, 32]);
		const offset = bytes.readUInt32LE(18);
		expect(bytes.subarray(offset, offset + 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
		expect(bytes.readUInt32LE(14)).toBe(bytes.length - offset);
	});

	it('serves the OpenAPI document of the management API, as scripts/lib/openapi.mjs builds it', async () => {
		const served = await (await get('/openapi.json')).json();
		expect(served.openapi).toBe('3.1.0');
		expect(served).toEqual(await buildOpenApi());
	});

	it('keeps the API token out of localStorage and URLs in the script', async () => {
		const script = await (await get('/admin/app.js')).text();
		expect(script).toContain('sessionStorage');
		expect(script).not.toContain('localStorage');
		expect(script).not.toMatch(/location\.(search|hash)|history\.(push|replace)State|innerHTML/);
	});

	it('keeps the page, script and stylesheet under 14 KiB gzip together', async () => {
		let total = 0;
		for (const path of ['/admin', '/admin/app.js', '/admin/app.css']) {
			total += gzipSync(Buffer.from(await (await get(path)).arrayBuffer())).length;
		}
		expect(total).toBeLessThan(14 * 1024);
	});

	it('redirects /admin/ and /admin.html to /admin; anything else below /admin is a 404', async () => {
		for (const path of ['/admin/', '/admin.html']) {
			const redirect = await get(path);
			expect(redirect.status).toBe(307);
			expect(redirect.headers.get('location')).toBe('/admin');
		}
		const missing = await get('/admin/secrets.json');
		expect(missing.status).toBe(404);
		expect(missing.headers.get('www-authenticate')).toBeNull();
		expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
	});

	it('answers 405 with Allow to a POST', async () => {
		for (const path of ['/admin', '/admin/app.js', '/openapi.json']) {
			const response = await get(path, { method: 'POST', body: '{}' });
			expect(response.status).toBe(405);
			expect(response.headers.get('allow')).toBe('GET, HEAD');
		}
	});
});
