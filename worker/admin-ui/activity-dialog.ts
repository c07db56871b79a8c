/** Screen: one MCP server's activity log (time, tool, outcome, record ids, duration, sign-in), newest first, page by page. */
import { api, ApiError, serverPath } from './api';
import { byId, h } from './dom';
import { messageOf, setBusy } from './feedback';
import { ago, timeEl } from './time-format';
import type { ActivityEntry, Page, Server } from './types';

const PAGE_SIZE = 25;

function outcomeCell(entry: ActivityEntry): HTMLElement {
	const label = entry.outcome === 'ok' ? 'OK' : entry.outcome === 'error' ? 'Error' : 'Refused';
	const detail =
		entry.outcome === 'refused'
			? entry.error_code === 'use_call_tool'
				? 'called directly on a discovery server (use call_tool)'
				: 'not a tool of this server'
			: [entry.error_code, entry.status ? `eDesk ${entry.status}` : null]
					.filter(Boolean)
					.join(', ');
	return h(
		'span',
		{},
		h('span', { class: `outcome ${entry.outcome}`, text: label }),
		detail ? h('span', { class: 'outcome-detail', text: ` ${detail}` }) : null,
	);
}

function recordsCell(entry: ActivityEntry): string {
	const ids = Object.entries(entry.record_ids).map(
		([name, value]) => `${name} ${Array.isArray(value) ? value.join(', ') : value}`,
	);
	if (entry.payload_bytes !== null) ids.push(`${entry.payload_bytes} B sent`);
	return ids.join(' · ');
}

function viaCell(entry: ActivityEntry): string {
	return entry.via === 'oauth' ? `OAuth ${entry.client_id ?? ''}`.trim() : 'URL';
}

function activityRow(entry: ActivityEntry): HTMLTableRowElement {
	return h(
		'tr',
		{ class: entry.outcome === 'ok' ? '' : 'failed' },
		h('td', { 'data-label': 'Time' }, timeEl(entry.at, true)),
		h('th', { scope: 'row', 'data-label': 'Tool' }, h('code', { text: entry.tool })),
		h('td', { 'data-label': 'Outcome' }, outcomeCell(entry)),
		h('td', { 'data-label': 'Records', text: recordsCell(entry) }),
		h('td', { 'data-label': 'Duration', class: 'num', text: `${entry.duration_ms} ms` }),
		h('td', { 'data-label': 'Via', text: viaCell(entry) }),
	);
}

/** Opens the log of `server` at its newest page; "Show older" appends the next page. */
export async function openActivity(server: Server): Promise<void> {
	const dialog = byId<HTMLDialogElement>('activity');
	byId('activity-title').textContent = `Activity of “${server.name}”`;
	const rows = h('tbody', { id: 'activity-rows' });
	const status = h('p', { class: 'status', id: 'activity-status', role: 'status' });
	const older = h('button', { type: 'button', text: 'Show older', hidden: true });
	const summary = h('p', {
		class: 'activity-summary',
		text: server.last_used_at
			? `Last used ${ago(server.last_used_at)}; ${server.calls_24h} calls and ${server.errors_24h} failures in the last 24 hours.`
			: 'Not used yet.',
	});
	const table = h(
		'table',
		{ class: 'activity', id: 'activity-table', 'aria-busy': 'true' },
		h('caption', { class: 'sr-only', text: `Tool calls of ${server.name}, newest first` }),
		h(
			'thead',
			{},
			h(
				'tr',
				{},
				['Time', 'Tool', 'Outcome', 'Records', 'Duration', 'Via'].map((name) =>
					h('th', { scope: 'col', text: name }),
				),
			),
		),
		rows,
	);
	let cursor: string | null = null;
	const load = async () => {
		const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
		if (cursor) query.set('cursor', cursor);
		setBusy(older, true, 'Loading…');
		table.setAttribute('aria-busy', 'true');
		try {
			const page = await api<Page<ActivityEntry>>('GET', `${serverPath(server)}/activity?${query}`);
			rows.append(...page.data.map(activityRow));
			cursor = page.next_cursor;
			older.hidden = cursor === null;
			const shown = rows.children.length;
			status.textContent =
				shown === 0
					? 'No tool call recorded yet.'
					: `${shown} ${shown === 1 ? 'call' : 'calls'} shown${cursor ? '' : ' (all kept)'}.`;
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) return;
			status.textContent = `Could not load the activity: ${messageOf(error)}`;
			status.classList.add('error');
		} finally {
			setBusy(older, false);
			table.setAttribute('aria-busy', 'false');
		}
	};
	older.addEventListener('click', () => void load());
	byId('activity-slot').replaceChildren(
		summary,
		h('div', { class: 'table-scroll' }, table),
		status,
		h(
			'div',
			{ class: 'actions' },
			older,
			h('button', { type: 'button', text: 'Close', onclick: () => dialog.close() }),
		),
	);
	dialog.showModal();
	await load();
}
