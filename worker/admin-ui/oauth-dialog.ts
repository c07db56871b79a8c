/** Screen: how to connect one MCP server with OAuth (ChatGPT, claude.ai) and its active sign-ins (grants), each revocable. */
import { api, ApiError, serverPath } from './api';
import { confirmAction } from './confirm-dialog';
import { copyField } from './copy-field';
import { byId, h } from './dom';
import { messageOf } from './feedback';
import { meta } from './state';
import { ago, timeEl } from './time-format';
import type { Grant, Server } from './types';

function howTo(server: Server, oauthUrl: string): HTMLElement {
	return h(
		'section',
		{ class: 'oauth-howto', 'aria-labelledby': 'oauth-howto-title' },
		h('h3', { id: 'oauth-howto-title', text: 'Connect with OAuth' }),
		copyField({
			id: 'oauth-url',
			label: 'MCP server URL for OAuth (the same for every server)',
			value: oauthUrl,
			button: 'Copy',
		}),
		h(
			'div',
			{ class: 'steps' },
			h(
				'div',
				{},
				h('h4', { text: 'ChatGPT' }),
				h(
					'ol',
					{},
					h('li', { text: 'Settings → Apps → Advanced settings: turn on Developer mode.' }),
					h('li', { text: 'Create app: paste the URL above, choose OAuth as the authentication.' }),
				),
			),
			h(
				'div',
				{},
				h('h4', { text: 'claude.ai' }),
				h(
					'ol',
					{},
					h('li', { text: 'Settings → Connectors → Add custom connector.' }),
					h('li', { text: 'Paste the URL above; leave the OAuth client fields empty.' }),
				),
			),
		),
		h('p', {
			text: `The client then opens this Worker's consent page. There the person pastes the URL of “${server.name}” (its access key, shown once when it was created), sees what is granted and chooses Allow. The sign-in works like the URL: the same filters and expiry, and it ends when the server is revoked.`,
		}),
	);
}

function grantRow(server: Server, grant: Grant, reload: () => Promise<void>): HTMLTableRowElement {
	const client = grant.client_name ?? grant.client_id;
	return h(
		'tr',
		{ 'data-grant-id': grant.id },
		h(
			'th',
			{ scope: 'row', 'data-label': 'Client' },
			client,
			grant.client_name ? h('span', { class: 'client-id', text: grant.client_id }) : null,
		),
		h('td', { 'data-label': 'Signed in' }, timeEl(grant.created_at)),
		h(
			'td',
			{ 'data-label': 'Last used' },
			grant.last_used_at
				? h('time', { datetime: grant.last_used_at, text: ago(grant.last_used_at) })
				: h('span', { class: 'muted', text: 'Not yet' }),
		),
		h(
			'td',
			{ 'data-label': 'Actions' },
			h('button', {
				type: 'button',
				class: 'danger-outline',
				text: 'Revoke',
				'aria-label': `Revoke the sign-in of ${client}`,
				onclick: () =>
					confirmAction({
						title: `Revoke the sign-in of ${client}?`,
						body: [
							h('p', {
								text: `It loses access to “${server.name}” at once: its access and refresh tokens stop working. It can sign in again with the server's URL.`,
							}),
						],
						okLabel: 'Revoke sign-in',
						action: async () => {
							await api('DELETE', `${serverPath(server)}/grants/${encodeURIComponent(grant.id)}`);
							await reload();
						},
					}),
			}),
		),
	);
}

/** Opens the OAuth dialog of `server`: how to connect, then its grants. */
export async function openOAuth(server: Server): Promise<void> {
	const dialog = byId<HTMLDialogElement>('oauth');
	byId('oauth-title').textContent = `OAuth sign-ins of “${server.name}”`;
	const rows = h('tbody', { id: 'grant-rows' });
	const status = h('p', { class: 'status', id: 'grants-status', role: 'status' });
	const table = h(
		'table',
		{ class: 'grants', id: 'grant-table', 'aria-busy': 'true' },
		h('caption', { class: 'sr-only', text: `Active OAuth sign-ins of ${server.name}` }),
		h(
			'thead',
			{},
			h(
				'tr',
				{},
				['Client', 'Signed in', 'Last used', 'Actions'].map((name) =>
					h('th', { scope: 'col', text: name }),
				),
			),
		),
		rows,
	);
	const reload = async () => {
		table.setAttribute('aria-busy', 'true');
		try {
			const { data } = await api<{ data: Grant[] }>('GET', `${serverPath(server)}/grants`);
			rows.replaceChildren(...data.map((g) => grantRow(server, g, reload)));
			table.hidden = data.length === 0;
			status.textContent =
				data.length === 0
					? 'No one has signed in to this server with OAuth.'
					: `${data.length} active ${data.length === 1 ? 'sign-in' : 'sign-ins'}.`;
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) return;
			status.textContent = `Could not load the sign-ins: ${messageOf(error)}`;
			status.classList.add('error');
		} finally {
			table.setAttribute('aria-busy', 'false');
		}
	};
	byId('oauth-slot').replaceChildren(
		howTo(server, meta().oauth_mcp_url),
		h('h3', { text: 'Active sign-ins' }),
		h('div', { class: 'table-scroll' }, table),
		status,
		h(
			'div',
			{ class: 'actions' },
			h('button', { type: 'button', text: 'Close', onclick: () => dialog.close() }),
		),
	);
	dialog.showModal();
	await reload();
}
