/** Browser script, part 3: the servers table (live expiry countdown), create, the URL shown once, edit and revoke. Text only. */

/** Plain JS sharing one function scope with the other parts (no template literals). */
export const CLIENT_SERVERS = String.raw`
function skeletonRows(n) {
	return Array.from({ length: n }, () => h('tr', { class: 'skeleton-row', 'aria-hidden': 'true' }, [1, 2, 3, 4, 5, 6].map(() => h('td'))));
}

async function loadServers() {
	const accountId = state.accountId;
	const rows = byId('server-rows');
	if (rows.children.length === 0) rows.replaceChildren(...skeletonRows(2));
	byId('server-table').setAttribute('aria-busy', 'true');
	const { data } = await api('GET', accountPath(accountId) + '/mcp');
	if (accountId !== state.accountId) return;
	state.servers = data;
	rows.replaceChildren(...data.map(serverRow));
	byId('server-table').setAttribute('aria-busy', 'false');
	byId('server-table').hidden = data.length === 0;
	byId('servers-empty').hidden = data.length > 0;
	tickCountdowns();
}

function describeFilters(config) {
	return h('span', {}, 'Methods: ' + config.methods.join(', '), h('br'), 'Tags: ' + (config.tags.length > 0 ? config.tags.join(', ') : 'all'));
}

function expiryCell(iso) {
	if (!iso) return h('span', { class: 'muted', text: 'Never' });
	return h('span', {}, timeEl(iso), h('span', { class: 'countdown', 'data-expires': iso }));
}

function serverRow(s) {
	return h('tr', { 'data-server-id': s.id },
		h('th', { scope: 'row', 'data-label': 'Name' }, s.name, s.seeded ? h('span', { class: 'badge', text: 'seeded' }) : null),
		h('td', { 'data-label': 'Filters' }, describeFilters(s.config)),
		h('td', { 'data-label': 'API token', text: s.config.require_api_token_auth ? 'Required' : 'Not required' }),
		h('td', { 'data-label': 'Created' }, timeEl(s.created_at)),
		h('td', { 'data-label': 'Expires' }, expiryCell(s.expires_at)),
		h('td', { 'data-label': 'Actions', class: 'row-actions' },
			h('button', { type: 'button', text: 'Edit', 'aria-label': 'Edit ' + s.name, onclick: () => openEdit(s) }),
			h('button', { type: 'button', class: 'danger-outline', text: 'Revoke', 'aria-label': 'Revoke ' + s.name, onclick: () => revokeServer(s) })));
}

/** A fresh create form for the selected account. */
function renderCreateForm() {
	const form = serverForm('create-', null, 'Create MCP server');
	form.addEventListener('submit', onCreate);
	byId('create-slot').replaceChildren(form);
	return attachPreview(form, state.accountId);
}

async function onCreate(event) {
	event.preventDefault();
	const form = event.currentTarget;
	const accountId = state.accountId;
	clearErrors(form, ['name', 'expires_at', 'form']);
	let body;
	try {
		body = { name: readName(form), config: readConfig(form), expires_at: readExpiry(form) };
	} catch (error) {
		return showErrors(form, error);
	}
	if (!form.previewOk) return;
	setBusy(form.submitButton, true, 'Creating…');
	try {
		const created = await api('POST', accountPath(accountId) + '/mcp', body);
		showCreated(created);
		renderCreateForm();
		await loadServers();
	} catch (error) {
		setBusy(form.submitButton, false);
		showErrors(form, error);
	}
}

function step(title, ...content) {
	return h('div', {}, h('h4', { text: title }), content);
}

/** Shows a new server's URL once. It lives only in this DOM node: never stored, gone on reload or 'Done'. */
function showCreated(server) {
	const url = server.url;
	const auth = server.config.require_api_token_auth;
	const input = h('input', { type: 'text', id: 'created-url', readonly: true, value: url, spellcheck: 'false', 'aria-describedby': 'created-note' });
	const copied = h('span', { role: 'status', class: 'muted' });
	const args = ['-y', 'mcp-remote', url];
	const entry = { command: 'npx', args: args };
	if (auth) {
		args.push('--header', 'Authorization: Bearer $' + '{EDESK_MCP_API_TOKEN}');
		entry.env = { EDESK_MCP_API_TOKEN: '<API token>' };
	}
	const inspector = 'npx -y -p node@22 -p @modelcontextprotocol/inspector -- mcp-inspector --cli ' + url + ' --transport http --method tools/list' +
		(auth ? ' --header "Authorization: Bearer <API token>"' : '');
	const panel = h('section', { class: 'created', id: 'created', tabindex: '-1', 'aria-labelledby': 'created-title' },
		h('h3', { id: 'created-title', text: 'Created “' + server.name + '”: copy its URL now' }),
		h('p', { id: 'created-note', text: 'This is the only time the URL is shown. It is not stored anywhere; if it is lost, revoke the server and create a new one. Treat it like a password.' }),
		h('div', { class: 'field' }, h('label', { for: 'created-url', text: 'MCP server URL' }),
			h('div', { class: 'copy-row' }, input, h('button', { type: 'button', class: 'primary', text: 'Copy URL', onclick: () => copyUrl(input, copied) }), copied)),
		h('div', { class: 'steps' },
			step('ChatGPT (Developer mode)', auth
				? h('p', { text: 'This server requires an API token, which ChatGPT cannot send. Use Claude Desktop or the Inspector, or create a server without that option.' })
				: h('ol', {}, h('li', { text: 'Settings → Apps → Advanced settings: turn on Developer mode.' }),
					h('li', { text: 'Create app: paste the URL as the MCP server URL, choose No authentication.' }),
					h('li', { text: 'ChatGPT needs a public https URL (a deployed Worker or a tunnel).' }))),
			step('Claude Desktop', h('p', { text: 'Add to claude_desktop_config.json, then restart Claude:' }),
				h('pre', {}, h('code', { text: JSON.stringify({ mcpServers: { edesk: entry } }, null, 2) }))),
			step('MCP Inspector', h('p', { text: 'List the tools from a terminal:' }), h('pre', {}, h('code', { text: inspector })))),
		h('div', { class: 'actions' }, h('button', { type: 'button', text: 'Done: hide the URL', onclick: hideCreated })));
	byId('created-slot').replaceChildren(panel);
	panel.focus();
}

function hideCreated() {
	byId('created-slot').replaceChildren();
	byId('servers-title').focus();
}

async function copyUrl(input, status) {
	input.select();
	try {
		await navigator.clipboard.writeText(input.value);
		status.textContent = 'Copied.';
	} catch {
		status.textContent = document.execCommand('copy') ? 'Copied.' : 'Press Ctrl+C (⌘C) to copy the selected URL.';
	}
}

/** The edit dialog: rename, change filters, change or clear the expiry (PATCH). */
function openEdit(server) {
	const dialog = byId('edit');
	const form = serverForm('edit-', server, 'Save changes');
	const cancel = h('button', { type: 'button', text: 'Cancel', onclick: () => dialog.close() });
	form.querySelector('.actions').append(cancel);
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		clearErrors(form, ['name', 'expires_at', 'form']);
		const body = {};
		try {
			body.name = readName(form);
			body.config = readConfig(form);
			const expiresAt = readExpiry(form);
			if (expiresAt !== undefined) body.expires_at = expiresAt;
		} catch (error) {
			return showErrors(form, error);
		}
		if (!form.previewOk) return;
		setBusy(form.submitButton, true, 'Saving…');
		try {
			await api('PATCH', accountPath(server.account_id) + '/mcp/' + encodeURIComponent(server.id), body);
			dialog.close();
			announce('servers-status', 'Saved “' + body.name + '”.');
			await loadServers();
		} catch (error) {
			setBusy(form.submitButton, false);
			if (error.status !== 401) showErrors(form, error);
		}
	});
	byId('edit-title').textContent = 'Edit “' + server.name + '”';
	byId('edit-slot').replaceChildren(form);
	dialog.showModal();
	form.querySelector('input[name=name]').focus();
	attachPreview(form, server.account_id);
}

function revokeServer(server) {
	confirmAction({
		title: 'Revoke “' + server.name + '”?',
		body: [h('p', { text: 'Its URL stops working at once: clients using it get 404. This cannot be undone.' })],
		okLabel: 'Revoke',
		action: async () => {
			await api('DELETE', accountPath(server.account_id) + '/mcp/' + encodeURIComponent(server.id));
			announce('servers-status', 'Revoked “' + server.name + '”.');
			await loadServers();
			byId('servers-title').focus();
		},
	});
}
`;
