/**
 * The HTML of the consent page (`/authorize`): every value that came from a client, an account or a
 * server is escaped; no script, no inline style; a Content-Security-Policy as strict as /admin's.
 */
import type { ConsentDescription } from '@cloudflare/workers-oauth-provider';
import { META_TOOL_NAMES } from '../tools/discovery/meta-tools';

/** "search_tools, get_tool_schema and call_tool". */
const META_TOOLS_TEXT = `${META_TOOL_NAMES.slice(0, -1).join(', ')} and ${META_TOOL_NAMES.at(-1)}`;

/** What the confirmation step shows of the MCP server the key opened. */
export interface GrantFacts {
	accountName: string;
	serverName: string;
	methods: readonly string[];
	tags: readonly string[];
	toolCount: number;
	/** `discovery`: the client lists three meta-tools (search_tools, get_tool_schema, call_tool) that reach the tools. */
	toolExposure: 'all' | 'discovery';
	expiresAt: string | null;
	lockedWithApiToken: boolean;
}

/** The path of the page's stylesheet (served by the router). */
export const CONSENT_CSS_PATH = '/authorize/consent.css';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Headers of every consent answer. `form-action` also names the client's redirect origin: browsers
 * check the redirect after a form post against it, and the approval ends in one to the client.
 */
export function consentHeaders(headers: Headers, redirectUri: string | undefined): Headers {
	let redirectOrigin = '';
	try {
		if (redirectUri) redirectOrigin = ` ${new URL(redirectUri).origin}`;
	} catch {
		redirectOrigin = '';
	}
	headers.set('content-type', 'text/html; charset=utf-8');
	headers.set('cache-control', 'no-store');
	headers.set('referrer-policy', 'no-referrer');
	headers.set('x-content-type-options', 'nosniff');
	headers.set('x-frame-options', 'DENY');
	headers.set(
		'content-security-policy',
		`default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'${redirectOrigin}; frame-ancestors 'none'; base-uri 'none'`,
	);
	return headers;
}

function layout(title: string, body: string): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · eDesk MCP</title>
<link rel="stylesheet" href="${CONSENT_CSS_PATH}">
</head>
<body>
<main>
<p class="brand">eDesk MCP</p>
${body}
</main>
</body>
</html>`;
}

function clientFacts(details: ConsentDescription): string {
	const origin = details.clientDomain
		? `<p>Published by <strong>${escapeHtml(details.clientDomain)}</strong>.</p>`
		: '<p class="warn">This app registered itself: its name is not verified.</p>';
	const loopback = details.redirectIsLoopback
		? '<p class="warn"><strong>Access goes to an app on this computer.</strong> Continue only if you started signing in from it just now.</p>'
		: '';
	return `${origin}
<p>Access will be sent to <strong>${escapeHtml(details.redirectHost)}</strong>.</p>
${loopback}`;
}

/** Step 1: which MCP server? The person pastes its access key. */
export function keyPage(details: ConsentDescription, handle: string, error?: string): string {
	const name = escapeHtml(details.clientName);
	const problem = error
		? `<p class="error" id="key-error" role="alert">${escapeHtml(error)}</p>`
		: '';
	return layout(
		`Connect ${details.clientName}`,
		`<h1>Connect <span class="client">${name}</span> to an eDesk MCP server</h1>
${clientFacts(details)}
<form method="post">
<input type="hidden" name="handle" value="${escapeHtml(handle)}">
<label for="key">Access key of the MCP server</label>
<input id="key" name="key" type="password" autocomplete="off" spellcheck="false" required${error ? ' autofocus aria-invalid="true"' : ''} aria-describedby="key-hint${error ? ' key-error' : ''}">
<p class="hint" id="key-hint">Paste the server's MCP URL (…/mcp/em_…) or its token, as your eDesk MCP administrator gave it to you. The next step shows exactly what you grant.</p>
${problem}
<p class="actions"><button name="step" value="check">Continue</button> <button name="step" value="deny" class="secondary" formnovalidate>Deny</button></p>
</form>`,
	);
}

function grantList(facts: GrantFacts): string {
	const methods = facts.methods.map((m) => escapeHtml(m)).join(', ');
	const tags = facts.tags.length > 0 ? facts.tags.map((t) => escapeHtml(t)).join(', ') : 'all';
	const expiry =
		facts.expiresAt === null
			? 'never'
			: escapeHtml(`${facts.expiresAt.slice(0, 16).replace('T', ' ')} UTC`);
	return `<dl>
<dt>eDesk account</dt><dd>${escapeHtml(facts.accountName)}</dd>
<dt>MCP server</dt><dd>${escapeHtml(facts.serverName)}</dd>
<dt>Methods</dt><dd>${methods}</dd>
<dt>Tool groups</dt><dd>${tags}</dd>
<dt>Tools</dt><dd>${facts.toolCount}</dd>
<dt>Tool list</dt><dd>${facts.toolExposure === 'discovery' ? `Discovery: the app finds and runs these tools through ${META_TOOLS_TEXT}` : 'All tools'}</dd>
<dt>Access ends</dt><dd>${expiry}</dd>
</dl>${facts.lockedWithApiToken ? '<p class="hint">This server asks for an API token on its URL; this sign-in takes its place.</p>' : ''}`;
}

/** Step 2: what exactly is granted; approve or deny. */
export function confirmPage(
	details: ConsentDescription,
	handle: string,
	ticket: string,
	facts: GrantFacts,
): string {
	const name = escapeHtml(details.clientName);
	return layout(
		`Allow ${details.clientName}`,
		`<h1>Allow <span class="client">${name}</span> to use this MCP server?</h1>
${clientFacts(details)}
${grantList(facts)}
<p>It can call the tools above for the eDesk account, until the access ends or an administrator revokes the server. Its filters apply, and changes to them apply at once.</p>
<form method="post">
<input type="hidden" name="handle" value="${escapeHtml(handle)}">
<input type="hidden" name="ticket" value="${escapeHtml(ticket)}">
<p class="actions"><button name="step" value="approve">Allow</button> <button name="step" value="deny" class="secondary">Deny</button></p>
</form>`,
	);
}

/** A page that ends the flow here (an error that must not go back to the client). */
export function messagePage(title: string, text: string): string {
	return layout(
		title,
		`<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p class="hint">Start again from the app you were connecting.</p>`,
	);
}

/** The stylesheet of the consent page. */
export const CONSENT_CSS = `:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#f6f8fa;--card:#fff;--accent:#0a66c2;--warn:#9a6700;--error:#cf222e;--line:#d0d7de}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--card:#161b22;--accent:#4493f8;--warn:#d29922;--error:#f85149;--line:#30363d}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,sans-serif}
main{max-width:34rem;margin:2rem auto;padding:1.5rem;background:var(--card);border:1px solid var(--line);border-radius:8px}
.brand{margin:0 0 .5rem;color:var(--muted);font-size:.875rem;letter-spacing:.04em;text-transform:uppercase}
h1{font-size:1.35rem;line-height:1.3;margin:.25rem 0 1rem;overflow-wrap:anywhere}.client{color:var(--accent)}
label{display:block;font-weight:600;margin-top:1rem}input[type=password]{width:100%;font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.hint{color:var(--muted);font-size:.9rem}.warn{color:var(--warn)}.error{color:var(--error);font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}button{font:inherit;padding:.5rem 1.1rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:transparent;color:var(--fg);border-color:var(--line)}button:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
@media (max-width:30rem){main{margin:0;border-radius:0;border-width:0 0 1px}}
`;
