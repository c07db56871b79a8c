/** Screen: the connected eDesk accounts (cards), connecting one (checked with eDesk's /whoami) and disconnecting one. */
import { accountPath, api, ApiError } from './api';
import { confirmAction } from './confirm-dialog';
import { byId, h } from './dom';
import { announce, clearErrors, fieldError, messageOf, setBusy, showErrors } from './feedback';
import { showServersOf } from './servers';
import { meta, state } from './state';
import { timeEl } from './time-format';
import type { Account, Meta, Server } from './types';

/** Shows the app (skeletons first) and loads the catalogue meta and the accounts. */
export async function startApp(): Promise<void> {
	byId('signin').hidden = true;
	byId('app').hidden = false;
	byId('sign-out').hidden = false;
	try {
		state.meta ??= await api<Meta>('GET', '/integrated-account/meta');
		const { default_base_url: defaultUrl, sandbox_base_url: sandbox } = meta();
		byId<HTMLInputElement>('connect-base-url').placeholder = defaultUrl;
		byId('connect-base-url-hint').textContent =
			`Leave empty for ${defaultUrl}.` +
			(sandbox ? ` Local eDesk sandbox: ${sandbox} (token sandbox-full-access).` : '');
		await loadAccounts();
	} catch (error) {
		if (!(error instanceof ApiError && error.status === 401)) {
			announce('accounts-status', `Could not load the accounts: ${messageOf(error)}`, true);
		}
	}
}

/**
 * An email address that breaks only before its "@" or a "." of its domain, never mid-word
 * (`<wbr>` marks the places; the card does not break words anywhere else).
 */
function emailEl(email: string): HTMLElement {
	const at = email.lastIndexOf('@');
	const parts: (Node | string)[] = [];
	if (at > 0) {
		parts.push(email.slice(0, at), h('wbr'));
		const domain = email.slice(at).split('.');
		domain.forEach((part, i) => parts.push(i === 0 ? part : `.${part}`, h('wbr')));
		parts.pop();
	} else {
		parts.push(email);
	}
	return h('span', { class: 'email' }, ...parts);
}

function userEl(account: Account): (Node | string)[] {
	const { name, email } = account.edesk_user ?? {};
	if (!name && !email) return ['not reported'];
	return [
		name ? h('span', { class: 'user-name', text: name }) : null,
		email ? emailEl(email) : null,
	].filter((x): x is HTMLSpanElement => x !== null);
}

function accountCard(account: Account): HTMLLIElement {
	const selected = account.id === state.accountId;
	return h(
		'li',
		{ class: `card${selected ? ' selected' : ''}`, 'data-account-id': account.id },
		h('h3', { text: account.name }),
		h(
			'dl',
			{},
			h('dt', { text: 'eDesk user' }),
			h('dd', { class: 'user' }, ...userEl(account)),
			h('dt', { text: 'API' }),
			h('dd', { class: 'mono', text: account.base_url }),
			h('dt', { text: 'Connected' }),
			h('dd', {}, timeEl(account.created_at)),
		),
		h(
			'div',
			{ class: 'actions' },
			h('button', {
				type: 'button',
				text: 'Servers',
				'aria-label': `Servers of ${account.name}`,
				'aria-pressed': String(selected),
				onclick: () => void selectAccount(account.id),
			}),
			h('button', {
				type: 'button',
				class: 'danger-outline',
				text: 'Disconnect',
				'aria-label': `Disconnect ${account.name}`,
				onclick: () => void disconnectAccount(account),
			}),
		),
	);
}

/** Loads the accounts and shows the servers of `preferId` (or the one selected, or the first). */
export async function loadAccounts(preferId?: string): Promise<void> {
	const list = byId('account-list');
	const { data } = await api<{ data: Account[] }>('GET', '/integrated-account');
	state.accounts = data;
	const next = data.find((a) => a.id === (preferId ?? state.accountId)) ?? data[0] ?? null;
	state.accountId = next?.id ?? null;
	list.replaceChildren(...data.map(accountCard));
	list.setAttribute('aria-busy', 'false');
	list.hidden = data.length === 0;
	byId('accounts-empty').hidden = data.length > 0;
	const connect = byId<HTMLDetailsElement>('connect');
	connect.open = data.length === 0 || connect.open;
	await showServersOf(next);
}

async function selectAccount(id: string): Promise<void> {
	if (id === state.accountId) return;
	state.accountId = id;
	byId('account-list').replaceChildren(...state.accounts.map(accountCard));
	byId('server-rows').replaceChildren();
	byId('created-slot').replaceChildren();
	announce('servers-status', '');
	await showServersOf(state.accounts.find((a) => a.id === id) ?? null);
	byId('servers-title').focus();
}

async function onConnect(event: SubmitEvent): Promise<void> {
	event.preventDefault();
	const form = event.currentTarget as HTMLFormElement;
	const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
	clearErrors(form);
	announce('accounts-status', '');
	const body: { name: string; api_token: string; base_url?: string } = {
		name: byId<HTMLInputElement>('connect-name').value.trim(),
		api_token: byId<HTMLInputElement>('connect-token').value.trim(),
	};
	const baseUrl = byId<HTMLInputElement>('connect-base-url').value.trim();
	if (baseUrl) body.base_url = baseUrl;
	if (!body.name) return showErrors(form, fieldError('name', 'enter a name for this account'));
	if (!body.api_token) {
		return showErrors(form, fieldError('api_token', 'paste the eDesk API token'));
	}
	if (button) setBusy(button, true, 'Checking the token with eDesk…');
	try {
		const account = await api<Account>('POST', '/integrated-account', body);
		const { name, email } = account.edesk_user ?? {};
		const who = [name, email ? `<${email}>` : null].filter(Boolean).join(' ');
		form.reset();
		byId<HTMLDetailsElement>('connect').open = false;
		announce(
			'accounts-status',
			`Connected “${account.name}”: eDesk accepted the token${who ? ` (user ${who}).` : '.'}`,
		);
		await loadAccounts(account.id);
	} catch (error) {
		if (!(error instanceof ApiError && error.status === 401)) {
			showErrors(form, error, { codeFields: { invalid_edesk_credential: 'api_token' } });
		}
	} finally {
		if (button) setBusy(button, false);
	}
}

/** Confirms with the names of the MCP servers that stop working, then disconnects. */
async function disconnectAccount(account: Account): Promise<void> {
	let servers: Server[] | null = null;
	try {
		servers = (await api<{ data: Server[] }>('GET', `${accountPath(account.id)}/mcp`)).data;
	} catch (error) {
		if (error instanceof ApiError && error.status === 401) return;
	}
	const body: (Node | string)[] = [h('p', { text: 'Its stored eDesk API token is deleted.' })];
	if (servers === null) {
		body.push(h('p', { text: 'Its MCP servers could not be listed; all of them stop working.' }));
	} else if (servers.length === 0) {
		body.push(h('p', { text: 'It has no MCP servers, so no client loses access.' }));
	} else {
		body.push(
			h('p', {
				text:
					servers.length === 1
						? 'This MCP server stops working at once:'
						: `These ${servers.length} MCP servers stop working at once:`,
			}),
			h('ul', {}, ...servers.map((s) => h('li', { text: s.name }))),
		);
	}
	confirmAction({
		title: `Disconnect “${account.name}”?`,
		body,
		okLabel: 'Disconnect',
		action: async () => {
			const result = await api<{ revoked_mcp_servers: number }>('DELETE', accountPath(account.id));
			if (state.accountId === account.id) state.accountId = null;
			byId('create-slot').dataset.account = '';
			announce(
				'accounts-status',
				`Disconnected “${account.name}”; ${result.revoked_mcp_servers} MCP server(s) revoked.`,
			);
			await loadAccounts();
			byId('accounts-title').focus();
		},
	});
}

/** Wires the connect form. */
export function setUpAccounts(): void {
	byId<HTMLFormElement>('connect-form').addEventListener(
		'submit',
		(event) => void onConnect(event),
	);
}
