/** Browser script, part 4: sign-in (API token in sessionStorage only), accounts (list, connect with /whoami, disconnect) and start-up. Text only. */

/** Plain JS sharing one function scope with the other parts (no template literals). */
export const CLIENT_ACCOUNTS = String.raw`
function showSignIn(message) {
	byId('app').hidden = true;
	byId('sign-out').hidden = true;
	byId('signin').hidden = false;
	const form = byId('signin-form');
	clearErrors(form);
	if (message) showErrors(form, new ApiError(401, 'invalid_token', message), { codeFields: { invalid_token: 'token' } });
	byId('signin-token').focus();
}

/** Forgets the token (and anything shown once) and asks for a token again. */
function signOut(message) {
	sessionStorage.removeItem(TOKEN_KEY);
	state.token = null;
	state.accountId = null;
	for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
	byId('created-slot').replaceChildren();
	byId('create-slot').replaceChildren();
	byId('server-rows').replaceChildren();
	showSignIn(message);
}

async function onSignIn(event) {
	event.preventDefault();
	const form = event.currentTarget;
	const input = byId('signin-token');
	clearErrors(form);
	const token = input.value.trim();
	if (!token) return showErrors(form, fieldError('token', 'paste your API token'));
	const button = form.querySelector('button[type=submit]');
	setBusy(button, true, 'Checking…');
	state.token = token;
	try {
		state.meta = await api('GET', '/integrated-account/meta', undefined, { quiet401: true });
	} catch (error) {
		state.token = null;
		return showErrors(form, error, { codeFields: { invalid_token: 'token' } });
	} finally {
		setBusy(button, false);
	}
	sessionStorage.setItem(TOKEN_KEY, token);
	input.value = '';
	await startApp();
}

/** Shows the app (skeletons first) and loads the catalogue meta and the accounts. */
async function startApp() {
	byId('signin').hidden = true;
	byId('app').hidden = false;
	byId('sign-out').hidden = false;
	try {
		if (!state.meta) state.meta = await api('GET', '/integrated-account/meta');
		const sandbox = state.meta.sandbox_base_url;
		byId('connect-base-url').placeholder = state.meta.default_base_url;
		byId('connect-base-url-hint').textContent = 'Leave empty for ' + state.meta.default_base_url + '.' +
			(sandbox ? ' Local eDesk sandbox: ' + sandbox + ' (token sandbox-full-access).' : '');
		await loadAccounts();
	} catch (error) {
		if (error.status !== 401) announce('accounts-status', 'Could not load the accounts: ' + error.message, true);
	}
}

function accountCard(a) {
	const selected = a.id === state.accountId;
	const u = a.edesk_user || {};
	const user = [u.name, u.email ? '<' + u.email + '>' : null].filter(Boolean).join(' ') || 'not reported';
	return h('li', { class: 'card' + (selected ? ' selected' : ''), 'data-account-id': a.id },
		h('h3', { text: a.name }),
		h('dl', {}, h('dt', { text: 'eDesk user' }), h('dd', { text: user }), h('dt', { text: 'API' }), h('dd', { class: 'mono', text: a.base_url }),
			h('dt', { text: 'Connected' }), h('dd', {}, timeEl(a.created_at))),
		h('div', { class: 'actions' },
			h('button', { type: 'button', text: 'Servers', 'aria-label': 'Servers of ' + a.name, 'aria-pressed': String(selected), onclick: () => selectAccount(a.id) }),
			h('button', { type: 'button', class: 'danger-outline', text: 'Disconnect', 'aria-label': 'Disconnect ' + a.name, onclick: () => disconnectAccount(a) })));
}

async function loadAccounts(preferId) {
	const list = byId('account-list');
	const { data } = await api('GET', '/integrated-account');
	state.accounts = data;
	const next = data.find((a) => a.id === (preferId || state.accountId)) || data[0];
	state.accountId = next ? next.id : null;
	list.replaceChildren(...data.map(accountCard));
	list.setAttribute('aria-busy', 'false');
	list.hidden = data.length === 0;
	byId('accounts-empty').hidden = data.length > 0;
	byId('connect').open = data.length === 0 || byId('connect').open;
	await showServersOf(next || null);
}

async function selectAccount(id) {
	if (id === state.accountId) return;
	state.accountId = id;
	byId('account-list').replaceChildren(...state.accounts.map(accountCard));
	byId('server-rows').replaceChildren();
	byId('created-slot').replaceChildren();
	announce('servers-status', '');
	await showServersOf(state.accounts.find((a) => a.id === id) || null);
	byId('servers-title').focus();
}

async function showServersOf(account) {
	const section = byId('servers');
	section.hidden = !account;
	if (!account) return;
	byId('servers-account').textContent = account.name;
	const slot = byId('create-slot');
	const stale = slot.dataset.account !== account.id || slot.childElementCount === 0;
	slot.dataset.account = account.id;
	await Promise.all([loadServers(), stale ? renderCreateForm() : null]);
}

async function onConnect(event) {
	event.preventDefault();
	const form = event.currentTarget;
	const button = form.querySelector('button[type=submit]');
	clearErrors(form);
	announce('accounts-status', '');
	const body = { name: byId('connect-name').value.trim(), api_token: byId('connect-token').value.trim() };
	const baseUrl = byId('connect-base-url').value.trim();
	if (baseUrl) body.base_url = baseUrl;
	if (!body.name) return showErrors(form, fieldError('name', 'enter a name for this account'));
	if (!body.api_token) return showErrors(form, fieldError('api_token', 'paste the eDesk API token'));
	setBusy(button, true, 'Checking the token with eDesk…');
	try {
		const account = await api('POST', '/integrated-account', body);
		const u = account.edesk_user || {};
		const who = [u.name, u.email ? '<' + u.email + '>' : null].filter(Boolean).join(' ');
		form.reset();
		byId('connect').open = false;
		announce('accounts-status', 'Connected “' + account.name + '”: eDesk accepted the token' + (who ? ' (user ' + who + ').' : '.'));
		await loadAccounts(account.id);
	} catch (error) {
		if (error.status !== 401) showErrors(form, error, { codeFields: { invalid_edesk_credential: 'api_token' } });
	} finally {
		setBusy(button, false);
	}
}

/** Confirms with the names of the MCP servers that stop working, then disconnects. */
async function disconnectAccount(account) {
	let servers = null;
	try {
		servers = (await api('GET', accountPath(account.id) + '/mcp')).data;
	} catch (error) {
		if (error.status === 401) return;
	}
	const body = [h('p', { text: 'Its stored eDesk API token is deleted.' })];
	if (servers === null) body.push(h('p', { text: 'Its MCP servers could not be listed; all of them stop working.' }));
	else if (servers.length === 0) body.push(h('p', { text: 'It has no MCP servers, so no client loses access.' }));
	else body.push(h('p', { text: servers.length === 1 ? 'This MCP server stops working at once:' : 'These ' + servers.length + ' MCP servers stop working at once:' }),
		h('ul', {}, servers.map((s) => h('li', { text: s.name }))));
	confirmAction({
		title: 'Disconnect “' + account.name + '”?',
		body: body,
		okLabel: 'Disconnect',
		action: async () => {
			const r = await api('DELETE', accountPath(account.id));
			if (state.accountId === account.id) state.accountId = null;
			byId('create-slot').dataset.account = '';
			announce('accounts-status', 'Disconnected “' + account.name + '”; ' + r.revoked_mcp_servers + ' MCP server(s) revoked.');
			await loadAccounts();
			byId('accounts-title').focus();
		},
	});
}

function boot() {
	byId('signin-form').addEventListener('submit', onSignIn);
	byId('connect-form').addEventListener('submit', onConnect);
	byId('sign-out').addEventListener('click', () => signOut());
	setInterval(tickCountdowns, 1000);
	state.token = sessionStorage.getItem(TOKEN_KEY);
	if (state.token) startApp();
	else showSignIn();
}

boot();
`;
