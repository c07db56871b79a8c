/** /admin: the management page and its assets are served with a strict CSP, no caching and no framing. */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ADMIN_ORIGIN } from '../helpers/admin';

function get(path: string, init: RequestInit = {}): Promise<Response> {
	return exports.default.fetch(new Request(`${ADMIN_ORIGIN}${path}`, init));
}

async function gzipBytes(text: string): Promise<number> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return (await new Response(stream).arrayBuffer()).byteLength;
}

describe('GET /admin', () => {
	it('serves the page with a strict CSP, no-store and no framing, without an API token', async () => {
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
		]) {
			expect(csp).toContain(directive);
		}
		expect(csp).not.toContain('unsafe-inline');
		const html = await response.text();
		expect(html).toContain('<script src="/admin/app.js" defer></script>');
		expect(html).toContain('<link rel="stylesheet" href="/admin/app.css">');
	});

	it('has no inline script, style or event handler', async () => {
		const html = await (await get('/admin')).text();
		expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="/admin/app.js" defer>']);
		expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
	});

	it.each([
		['/admin/app.js', 'text/javascript; charset=utf-8'],
		['/admin/app.css', 'text/css; charset=utf-8'],
	])('serves %s as %s with the same headers', async (path, type) => {
		const response = await get(path);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(type);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});

	it('keeps the API token out of localStorage and URLs in the script', async () => {
		const script = await (await get('/admin/app.js')).text();
		expect(script).toContain('sessionStorage');
		expect(script).not.toContain('localStorage');
		expect(script).not.toMatch(/location\.(search|hash)|history\.(push|replace)State/);
	});

	it('keeps the page, script and stylesheet under 12.5 KiB gzip together', async () => {
		let total = 0;
		for (const path of ['/admin', '/admin/app.js', '/admin/app.css'])
			total += await gzipBytes(await (await get(path)).text());
		expect(total).toBeLessThan(12.5 * 1024);
	});

	it('redirects /admin/ to /admin and answers 404 for anything else below it', async () => {
		const redirect = await get('/admin/', { redirect: 'manual' });
		expect(redirect.status).toBe(308);
		expect(redirect.headers.get('location')).toBe('/admin');
		const missing = await get('/admin/secrets.json');
		expect(missing.status).toBe(404);
		expect(missing.headers.get('www-authenticate')).toBeNull();
	});

	it('answers 405 with Allow to a POST', async () => {
		const response = await get('/admin', { method: 'POST' });
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, HEAD');
		expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
	});
});
