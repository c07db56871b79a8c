/** Serves the management page at /admin (HTML shell, script, stylesheet) with a strict CSP. Holds no data and calls nothing: the page talks to the management API itself. */
import { HttpError } from '../lib/errors';
import { notFound } from '../lib/http';
import { APP_CSS } from './app-css';
import { APP_JS } from './app-js';
import { PAGE_HTML } from './page-html';

/** Same-origin script, style and fetch only; no inline code, no framing, no form posts. */
const CONTENT_SECURITY_POLICY = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"connect-src 'self'",
	"img-src 'self'",
	"base-uri 'none'",
	// Forms are handled by script; without it a form must not post the API token anywhere.
	"form-action 'none'",
	"frame-ancestors 'none'",
	"require-trusted-types-for 'script'",
].join('; ');

const ASSETS: Readonly<Record<string, { body: string; type: string }>> = {
	'/admin': { body: PAGE_HTML, type: 'text/html; charset=utf-8' },
	'/admin/app.js': { body: APP_JS, type: 'text/javascript; charset=utf-8' },
	'/admin/app.css': { body: APP_CSS, type: 'text/css; charset=utf-8' },
};

/** Answers GET/HEAD for the page and its two assets; 308 from /admin/ to /admin; 404 for anything else below /admin. */
export function handleAdminUi(request: Request): Response {
	const { pathname } = new URL(request.url);
	if (pathname === '/admin/') {
		return new Response(null, {
			status: 308,
			headers: { location: '/admin', 'cache-control': 'no-store' },
		});
	}
	const asset = ASSETS[pathname];
	if (!asset) return notFound();
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		throw new HttpError(405, 'method_not_allowed', `${request.method} is not allowed here`, {
			headers: { allow: 'GET, HEAD' },
		});
	}
	return new Response(request.method === 'HEAD' ? null : asset.body, {
		headers: {
			'content-type': asset.type,
			'cache-control': 'no-store',
			'content-security-policy': CONTENT_SECURITY_POLICY,
			'x-frame-options': 'DENY',
			'referrer-policy': 'no-referrer',
			'x-content-type-options': 'nosniff',
			'cross-origin-opener-policy': 'same-origin',
			'cross-origin-resource-policy': 'same-origin',
		},
	});
}
