/** Screen: the MCP servers of the selected account (filters, use over 24 hours, live expiry countdown), create, edit and revoke. */
import { openActivity } from './activity-dialog';
import { accountPath, api, ApiError, serverPath } from './api';
import { confirmAction } from './confirm-dialog';
import { showCreated } from './created-panel';
import { byId, h } from './dom';
import { announce, clearErrors, setBusy, showErrors } from './feedback';
import { openOAuth } from './oauth-dialog';
import { readConfig, readExpiry, readName, serverForm, type ServerForm } from './server-form';
import { discoveryToolsText, state } from './state';
import { ago, tickCountdowns, timeEl } from './time-format';
import type { Account, CreatedServer, Server } from './types';

const COLUMNS = 5;

function skeletonRows(n: number): HTMLTableRowElement[] {
	return Array.from({ length: n }, () =>
		h(
			'tr',
			{ class: 'skeleton-row', 'aria-hidden': 'true' },
			Array.from({ length: COLUMNS }, () => h('td')),
		),
	);
}

/** Shows the servers section for `account` (hidden when there is none). */
export async function showServersOf(account: Account | null): Promise<void> {
	const section = byId('servers');
	section.hidden = !account;
	if (!account) return;
	byId('servers-account').textContent = account.name;
	const slot = byId('create-slot');
	const stale = slot.dataset.account !== account.id || slot.childElementCount === 0;
	slot.dataset.account = account.id;
	await Promise.all([loadServers(), stale ? renderCreateForm() : null]);
}

/** Loads the selected account's servers into the table. */
export async function loadServers(): Promise<void> {
	const accountId = state.accountId;
	if (!accountId) return;
	const rows = byId('server-rows');
	const table = byId<HTMLTableElement>('server-table');
	if (rows.children.length === 0) rows.replaceChildren(...skeletonRows(2));
	table.setAttribute('aria-busy', 'true');
	const { data } = await api<{ data: Server[] }>('GET', `${accountPath(accountId)}/mcp`);
	if (accountId !== state.accountId) return;
	state.servers = data;
	rows.replaceChildren(...data.map(serverRow));
	table.setAttribute('aria-busy', 'false');
	table.hidden = data.length === 0;
	byId('servers-empty').hidden = data.length > 0;
	tickCountdowns();
}

function describeFilters(server: Server): HTMLElement {
	const { methods, tags, require_api_token_auth: auth, tool_exposure: exposure } = server.config;
	return h(
		'span',
		{},
		`Methods: ${methods.join(', ')}`,
		h('br'),
		`Tool groups: ${tags.length > 0 ? tags.join(', ') : 'all'}`,
		auth ? [h('br'), 'API token required'] : null,
		exposure === 'discovery'
			? [
					h('br'),
					h('span', {
						title: `tools/list holds ${discoveryToolsText()}`,
						text: 'Discovery',
					}),
				]
			: null,
	);
}

function usageCell(server: Server): HTMLElement {
	if (!server.last_used_at) return h('span', { class: 'muted', text: 'Never used' });
	const errors = server.errors_24h;
	return h(
		'span',
		{},
		h(
			'span',
			{ class: 'last-used' },
			'Last used ',
			h('time', {
				datetime: server.last_used_at,
				title: new Date(server.last_used_at).toISOString(),
				text: ago(server.last_used_at),
			}),
		),
		h('br'),
		`${server.calls_24h} ${server.calls_24h === 1 ? 'call' : 'calls'} · `,
		h('span', {
			class: errors > 0 ? 'failures' : '',
			text: `${errors} ${errors === 1 ? 'failure' : 'failures'}`,
		}),
		' in 24 h',
	);
}

function expiryCell(iso: string | null): HTMLElement {
	if (!iso) return h('span', { class: 'muted', text: 'Never' });
	return h('span', {}, timeEl(iso), h('span', { class: 'countdown', 'data-expires': iso }));
}

function serverRow(server: Server): HTMLTableRowElement {
	const button = (text: string, label: string, onclick: () => void, cls?: string) =>
		h('button', {
			type: 'button',
			class: cls,
			text,
			'aria-label': `${label} ${server.name}`,
			onclick,
		});
	return h(
		'tr',
		{ 'data-server-id': server.id },
		h(
			'th',
			{ scope: 'row', 'data-label': 'Name' },
			h('span', { class: 'server-name', text: server.name }),
			server.seeded ? h('span', { class: 'badge', text: 'seeded' }) : null,
			h('span', { class: 'created-at' }, 'Created ', timeEl(server.created_at)),
		),
		h('td', { 'data-label': 'Filters' }, describeFilters(server)),
		h('td', { 'data-label': 'Use' }, usageCell(server)),
		h('td', { 'data-label': 'Expires' }, expiryCell(server.expires_at)),
		h(
			'td',
			{ 'data-label': 'Actions', class: 'row-actions' },
			button('Activity', 'Activity of', () => void openActivity(server)),
			button('OAuth', 'OAuth sign-ins of', () => void openOAuth(server)),
			button('Edit', 'Edit', () => openEdit(server)),
			button('Revoke', 'Revoke', () => revokeServer(server), 'danger-outline'),
		),
	);
}

/** A fresh create form for the selected account. */
function renderCreateForm(): Promise<void> {
	const accountId = state.accountId ?? '';
	const created = serverForm('create-', null, 'Create MCP server', accountId);
	created.form.addEventListener('submit', (event) => void onCreate(event, created, accountId));
	byId('create-slot').replaceChildren(created.form);
	return created.ready;
}

async function onCreate(event: SubmitEvent, created: ServerForm, accountId: string): Promise<void> {
	event.preventDefault();
	const { form, submit } = created;
	clearErrors(form, ['name', 'expires_at', 'form']);
	let body;
	try {
		body = { name: readName(form), config: readConfig(form), expires_at: readExpiry(form) ?? null };
	} catch (error) {
		return showErrors(form, error);
	}
	if (!created.previewOk) return;
	setBusy(submit, true, 'Creating…');
	try {
		const server = await api<CreatedServer>('POST', `${accountPath(accountId)}/mcp`, body);
		showCreated(server);
		void renderCreateForm();
		await loadServers();
	} catch (error) {
		setBusy(submit, false);
		showErrors(form, error);
	}
}

/** The edit dialog: rename, change filters, change or clear the expiry (PATCH). */
function openEdit(server: Server): void {
	const dialog = byId<HTMLDialogElement>('edit');
	const edit = serverForm('edit-', server, 'Save changes', server.account_id);
	const { form, submit } = edit;
	form
		.querySelector('.actions')
		?.append(h('button', { type: 'button', text: 'Cancel', onclick: () => dialog.close() }));
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		clearErrors(form, ['name', 'expires_at', 'form']);
		const body: { name?: string; config?: Server['config']; expires_at?: string | null } = {};
		try {
			body.name = readName(form);
			body.config = readConfig(form);
			const expiresAt = readExpiry(form);
			if (expiresAt !== undefined) body.expires_at = expiresAt;
		} catch (error) {
			return showErrors(form, error);
		}
		if (!edit.previewOk) return;
		setBusy(submit, true, 'Saving…');
		try {
			await api('PATCH', serverPath(server), body);
			dialog.close();
			announce('servers-status', `Saved “${body.name}”.`);
			await loadServers();
		} catch (error) {
			setBusy(submit, false);
			if (!(error instanceof ApiError && error.status === 401)) showErrors(form, error);
		}
	});
	byId('edit-title').textContent = `Edit “${server.name}”`;
	byId('edit-slot').replaceChildren(form);
	dialog.showModal();
	form.querySelector<HTMLInputElement>('input[name=name]')?.focus();
}

function revokeServer(server: Server): void {
	confirmAction({
		title: `Revoke “${server.name}”?`,
		body: [
			h('p', {
				text: 'Its URL stops working at once (clients using it get 404) and every OAuth sign-in to it ends. This cannot be undone.',
			}),
		],
		okLabel: 'Revoke',
		action: async () => {
			await api('DELETE', serverPath(server));
			announce('servers-status', `Revoked “${server.name}”.`);
			await loadServers();
			byId('servers-title').focus();
		},
	});
}
