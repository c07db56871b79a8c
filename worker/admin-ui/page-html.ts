/** The management page's HTML shell, served at /admin. Static markup only: no inline script or style (the CSP forbids them). */

/** The page; /admin/app.js fills in accounts, servers and forms. */
export const PAGE_HTML = String.raw`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>edesk-mcp management</title>
<link rel="stylesheet" href="/admin/app.css">
<script src="/admin/app.js" defer></script>
</head>
<body>
<header class="top">
<h1>edesk-mcp <span>management</span></h1>
<button type="button" id="sign-out" hidden>Sign out</button>
</header>
<main>
<noscript><p>This page needs JavaScript. The management API works without it (see the README).</p></noscript>
<section class="panel" id="signin" hidden aria-labelledby="signin-title">
<h2 id="signin-title">Sign in with an API token</h2>
<form id="signin-form" novalidate>
<p class="muted">Paste a management API token (a JWT, e.g. from <code>npm run mint-api-token</code>). It is kept in this browser tab only (sessionStorage) and sent only to this Worker's management API.</p>
<div class="field">
<label for="signin-token">API token</label>
<input id="signin-token" type="password" autocomplete="off" spellcheck="false" required aria-describedby="signin-token-error">
<p class="error" id="signin-token-error" data-error-for="token"></p>
</div>
<p class="error" data-error-for="form"></p>
<button type="submit" class="primary">Continue</button>
</form>
</section>
<div id="app" hidden>
<section class="panel" id="accounts" aria-labelledby="accounts-title">
<h2 id="accounts-title" tabindex="-1">eDesk accounts</h2>
<ul class="cards" id="account-list" aria-busy="true" aria-label="Connected eDesk accounts">
<li class="card skeleton" aria-hidden="true"></li>
<li class="card skeleton" aria-hidden="true"></li>
</ul>
<p class="empty" id="accounts-empty" hidden>No eDesk account is connected yet. Connect one below.</p>
<p class="status" id="accounts-status" role="status"></p>
<details class="connect" id="connect">
<summary>Connect an eDesk account</summary>
<form id="connect-form" novalidate>
<div class="field">
<label for="connect-name">Name</label>
<input id="connect-name" type="text" required maxlength="100" autocomplete="off" aria-describedby="connect-name-error">
<p class="error" id="connect-name-error" data-error-for="name"></p>
</div>
<div class="field">
<label for="connect-token">eDesk API token</label>
<input id="connect-token" type="password" required autocomplete="off" spellcheck="false" aria-describedby="connect-token-hint connect-token-error">
<p class="hint" id="connect-token-hint">From dashboard.edesk.com/api-token. It is checked with eDesk's /whoami, stored encrypted and never shown again.</p>
<p class="error" id="connect-token-error" data-error-for="api_token"></p>
</div>
<div class="field">
<label for="connect-base-url">eDesk API base URL (optional)</label>
<input id="connect-base-url" type="url" autocomplete="off" spellcheck="false" aria-describedby="connect-base-url-hint connect-base-url-error">
<p class="hint" id="connect-base-url-hint">Leave empty for eDesk itself.</p>
<p class="error" id="connect-base-url-error" data-error-for="base_url"></p>
</div>
<p class="error" data-error-for="form"></p>
<button type="submit" class="primary">Check token and connect</button>
</form>
</details>
</section>
<section class="panel" id="servers" hidden aria-labelledby="servers-title">
<h2 id="servers-title" tabindex="-1">MCP servers of <span id="servers-account"></span></h2>
<div id="created-slot"></div>
<table class="servers" id="server-table">
<caption class="sr-only">MCP servers of the selected account</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Filters</th><th scope="col">API token</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Actions</th></tr></thead>
<tbody id="server-rows"></tbody>
</table>
<p class="empty" id="servers-empty" hidden>No MCP server yet. Create one below.</p>
<p class="status" id="servers-status" role="status"></p>
<h3 id="create-title">Create an MCP server</h3>
<div id="create-slot"></div>
</section>
</div>
</main>
<dialog id="confirm" class="small" aria-labelledby="confirm-title">
<h2 id="confirm-title"></h2>
<div id="confirm-body"></div>
<p class="error" data-error-for="form"></p>
<div class="actions"><button type="button" id="confirm-cancel">Cancel</button><button type="button" class="danger" id="confirm-ok"></button></div>
</dialog>
<dialog id="edit" aria-labelledby="edit-title">
<h2 id="edit-title"></h2>
<div id="edit-slot"></div>
</dialog>
</body>
</html>
`;
