/** Screen part: the create/edit form of an MCP server (name, methods, tool groups, API-token switch, tool exposure, expiry) with its live tool preview. */
import { accountPath, api } from './api';
import { h } from './dom';
import { clearErrors, fieldError, showErrors } from './feedback';
import { discoveryToolsText, meta } from './state';
import { DATE_FORMAT } from './time-format';
import type { Preview, Server, ServerConfig, ToolExposure } from './types';

const DAY_MS = 86_400_000;
const EXPIRY_PRESETS: readonly [value: string, label: string, seconds: number][] = [
	['1h', '1 hour', 3600],
	['1d', '1 day', 86400],
	['7d', '7 days', 604800],
	['30d', '30 days', 2592000],
];
const DEFAULT_CONFIG: ServerConfig = {
	methods: ['read'],
	tags: [],
	require_api_token_auth: false,
	tool_exposure: 'all',
};
const EXPOSURE_LABELS: Record<ToolExposure, string> = {
	all: 'All tools',
	discovery: 'Discovery: three meta-tools',
};
/** The fields whose change refreshes the preview. */
const PREVIEWED_FIELDS = ['methods', 'tags', 'require_api_token_auth', 'tool_exposure'];

/** A server form and what its preview found. */
export interface ServerForm {
	form: HTMLFormElement;
	submit: HTMLButtonElement;
	/** True while the preview shows at least one tool for the current filters. */
	previewOk: boolean;
	/** Settles when the first preview is shown. */
	ready: Promise<void>;
}

function errorSlot(id: string, field: string): HTMLParagraphElement {
	return h('p', { class: 'error', id, 'data-error-for': field });
}

function checkBox(
	name: string,
	value: string,
	label: string,
	checked: boolean,
	hint?: string,
): HTMLLabelElement {
	return h(
		'label',
		{ class: 'check' },
		h('input', { type: 'checkbox', name, value, checked }),
		label,
		hint ? h('span', { class: 'hint', text: `(${hint})` }) : null,
	);
}

/** 'YYYY-MM-DDTHH:MM' in local time, for datetime-local inputs. */
function toLocalInput(ms: number): string {
	return new Date(ms - new Date(ms).getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function expiryFieldset(p: string, server: Server | null): HTMLFieldSetElement {
	const options: [string, string][] = [];
	if (server) {
		options.push([
			'keep',
			server.expires_at
				? `Keep: ${DATE_FORMAT.format(new Date(server.expires_at))}`
				: 'Keep: never',
		]);
	}
	options.push(['never', 'Never']);
	for (const [value, label] of EXPIRY_PRESETS) options.push([value, `In ${label}`]);
	options.push(['at', 'On a date and time']);
	const initial = server ? 'keep' : '7d';
	const at = h('input', {
		type: 'datetime-local',
		id: `${p}expires-at`,
		'aria-label': 'Expiry date and time (your local time)',
		// The Worker's own bounds (and a minute's margin for filling in the form).
		min: toLocalInput(Date.now() + meta().min_expiry_ahead_seconds * 1000 + 60_000),
		max: toLocalInput(Date.now() + meta().max_expiry_ahead_days * DAY_MS),
		'aria-describedby': `${p}expiry-error`,
	});
	at.addEventListener('input', () => {
		const radio = at.form?.querySelector<HTMLInputElement>('input[name=expiry][value=at]');
		if (radio) radio.checked = true;
	});
	return h(
		'fieldset',
		{ class: 'field', 'aria-describedby': `${p}expiry-error` },
		h('legend', { text: 'Expiry' }),
		h(
			'div',
			{ class: 'checks' },
			options.map(([value, label]) =>
				h(
					'label',
					{ class: 'check' },
					h('input', { type: 'radio', name: 'expiry', value, checked: value === initial }),
					label,
				),
			),
		),
		at,
		h('p', { class: 'hint', text: 'After expiry the URL answers 404 at once.' }),
		errorSlot(`${p}expiry-error`, 'expires_at'),
	);
}

function exposureFieldset(p: string, exposure: ToolExposure): HTMLFieldSetElement {
	const choices = meta().tool_exposures;
	return h(
		'fieldset',
		{ class: 'field', 'aria-describedby': `${p}exposure-hint` },
		h('legend', { text: 'Tool exposure' }),
		h(
			'div',
			{ class: 'checks' },
			choices.map((value) =>
				h(
					'label',
					{ class: 'check' },
					h('input', {
						type: 'radio',
						name: 'tool_exposure',
						value,
						checked: value === exposure,
					}),
					EXPOSURE_LABELS[value] ?? value,
				),
			),
		),
		h('p', {
			class: 'hint',
			id: `${p}exposure-hint`,
			text: `Discovery lists only ${discoveryToolsText()}, which find and run the same tools.`,
		}),
	);
}

function previewBox(p: string): HTMLElement {
	return h(
		'section',
		{ class: 'preview', 'aria-labelledby': `${p}preview-title`, 'aria-busy': 'true' },
		h('h4', { id: `${p}preview-title`, text: 'Tools this server will expose' }),
		h('p', { class: 'preview-summary', 'aria-live': 'polite', text: 'Loading the tool list…' }),
		h('ol', { class: 'tool-list', 'aria-label': 'Tool list' }),
		h('p', { class: 'reachable-summary', hidden: true }),
		h('ol', {
			class: 'reachable-list',
			'aria-label': 'Tools reached through call_tool',
			hidden: true,
		}),
		errorSlot(`${p}config-error`, 'config'),
	);
}

/** The create or edit form ('p' prefixes ids; 'server' pre-fills an edit). */
export function serverForm(
	p: string,
	server: Server | null,
	submitLabel: string,
	accountId: string,
): ServerForm {
	const m = meta();
	const config = server?.config ?? DEFAULT_CONFIG;
	const groups = Object.keys(m.method_groups);
	const singles = m.methods.filter((method) => !groups.includes(method));
	const groupLabel = (g: string) => (g === 'read' ? 'Read' : g === 'write' ? 'Write' : g);
	const submit = h('button', {
		type: 'submit',
		class: 'primary',
		text: submitLabel,
		disabled: true,
	});
	const form = h(
		'form',
		{ class: 'server-form', id: `${p}form`, novalidate: true },
		h(
			'div',
			{ class: 'field' },
			h('label', { for: `${p}name`, text: 'Name' }),
			h('input', {
				type: 'text',
				id: `${p}name`,
				name: 'name',
				required: true,
				maxlength: m.name_max_chars,
				autocomplete: 'off',
				value: server?.name ?? '',
				'aria-describedby': `${p}name-error`,
			}),
			errorSlot(`${p}name-error`, 'name'),
		),
		h(
			'fieldset',
			{ class: 'field', 'aria-describedby': `${p}methods-error` },
			h('legend', { text: 'Methods' }),
			h(
				'div',
				{ class: 'checks' },
				groups.map((g) =>
					checkBox(
						'methods',
						g,
						groupLabel(g),
						config.methods.includes(g),
						m.method_groups[g]?.join(' + '),
					),
				),
			),
			h('p', { class: 'hint', text: 'Or single methods:' }),
			h(
				'div',
				{ class: 'checks' },
				singles.map((method) =>
					checkBox('methods', method, method, config.methods.includes(method)),
				),
			),
			errorSlot(`${p}methods-error`, 'methods'),
		),
		h(
			'fieldset',
			{ class: 'field', 'aria-describedby': `${p}tags-hint ${p}tags-error` },
			h('legend', { text: 'Tool groups' }),
			h('p', {
				class: 'hint',
				id: `${p}tags-hint`,
				text: 'Only the tools of the ticked groups (the API calls them tags; they are not eDesk ticket tags). None ticked: every group.',
			}),
			h(
				'div',
				{ class: 'checks' },
				m.tags.map((t) => checkBox('tags', t, t, config.tags.includes(t))),
			),
			errorSlot(`${p}tags-error`, 'tags'),
		),
		h(
			'div',
			{ class: 'field' },
			checkBox(
				'require_api_token_auth',
				'yes',
				'Require an API token too',
				config.require_api_token_auth,
			),
			h('p', {
				class: 'hint',
				text: 'Callers of the URL must also send Authorization: Bearer <API token>. ChatGPT and claude.ai can use such a server through OAuth only.',
			}),
			errorSlot(`${p}auth-error`, 'require_api_token_auth'),
		),
		exposureFieldset(p, config.tool_exposure),
		expiryFieldset(p, server),
		previewBox(p),
		h('p', { class: 'error wide', 'data-error-for': 'form' }),
		h('div', { class: 'actions wide' }, submit),
	);
	const result: ServerForm = { form, submit, previewOk: false, ready: Promise.resolve() };
	result.ready = attachPreview(result, accountId);
	return result;
}

/** The config the form's boxes say. */
export function readConfig(form: HTMLFormElement): ServerConfig {
	const ticked = (name: string) =>
		[...form.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`)].map((i) => i.value);
	const exposure = form.querySelector<HTMLInputElement>('input[name=tool_exposure]:checked');
	return {
		methods: ticked('methods'),
		tags: ticked('tags'),
		require_api_token_auth: ticked('require_api_token_auth').length > 0,
		tool_exposure: exposure?.value === 'discovery' ? 'discovery' : 'all',
	};
}

/** The chosen expiry: undefined = keep, null = never, else an ISO time; throws a field error for a bad date. */
export function readExpiry(form: HTMLFormElement): string | null | undefined {
	const choice = form.querySelector<HTMLInputElement>('input[name=expiry]:checked')?.value;
	if (choice === 'keep') return undefined;
	if (choice === 'never' || choice === undefined) return null;
	const preset = EXPIRY_PRESETS.find(([value]) => value === choice);
	if (preset) return new Date(Date.now() + preset[2] * 1000).toISOString();
	const value = form.querySelector<HTMLInputElement>('input[type=datetime-local]')?.value;
	const at = value ? new Date(value).getTime() : NaN;
	if (!Number.isFinite(at)) throw fieldError('expires_at', 'choose a date and time');
	const { min_expiry_ahead_seconds: minSeconds, max_expiry_ahead_days: maxDays } = meta();
	if (at < Date.now() + minSeconds * 1000) {
		throw fieldError('expires_at', `must be at least ${minSeconds} seconds from now`);
	}
	if (at > Date.now() + maxDays * DAY_MS) {
		throw fieldError('expires_at', `must be within ${maxDays} days from now`);
	}
	return new Date(at).toISOString();
}

export function readName(form: HTMLFormElement): string {
	const name = form.querySelector<HTMLInputElement>('input[name=name]')?.value.trim() ?? '';
	if (!name) throw fieldError('name', 'enter a name');
	return name;
}

/**
 * Keeps the preview in step with the filters (`POST …/preview`, the same code path as tools/list); the
 * submit button stays off while no tool is left. Every tool is listed in the page's own flow (no inner
 * scroll box), so none hides behind an overlay scrollbar.
 */
function attachPreview(target: ServerForm, accountId: string): Promise<void> {
	const { form, submit } = target;
	const box = form.querySelector<HTMLElement>('.preview');
	const summary = box?.querySelector<HTMLElement>('.preview-summary');
	const list = box?.querySelector<HTMLElement>('.tool-list');
	const reachableSummary = box?.querySelector<HTMLElement>('.reachable-summary');
	const reachable = box?.querySelector<HTMLElement>('.reachable-list');
	if (!box || !summary || !list || !reachableSummary || !reachable) return Promise.resolve();
	let seq = 0;
	let timer = 0;
	const items = (tools: readonly { name: string; method: string }[]) =>
		tools.map((t) =>
			h('li', {}, h('code', { text: t.name }), h('span', { class: 'method', text: t.method })),
		);
	const show = (text: string, tools: Preview['tools'], ok: boolean, preview?: Preview) => {
		summary.textContent = text;
		summary.dataset.count = String(tools.length);
		const discovery = preview?.tool_exposure === 'discovery';
		// Discovery: tools/list holds the three meta-tools; the server's tools are reached through them.
		list.replaceChildren(
			...(discovery && preview
				? items(preview.listed.map((name) => ({ name, method: 'meta-tool' })))
				: items(tools)),
		);
		reachableSummary.hidden = !discovery;
		reachable.hidden = !discovery;
		reachableSummary.textContent = discovery
			? `They reach ${tools.length} ${tools.length === 1 ? 'tool' : 'tools'}:`
			: '';
		reachable.replaceChildren(...(discovery ? items(tools) : []));
		box.setAttribute('aria-busy', 'false');
		target.previewOk = ok;
		submit.disabled = !ok;
	};
	const run = async () => {
		const mine = ++seq;
		const config = readConfig(form);
		clearErrors(form, ['methods', 'tags', 'config']);
		box.setAttribute('aria-busy', 'true');
		submit.disabled = true;
		if (config.methods.length === 0) {
			showErrors(form, fieldError('methods', 'tick at least one method'), { focus: false });
			return show('No tools: tick at least one method.', [], false);
		}
		try {
			const r = await api<Preview>('POST', `${accountPath(accountId)}/mcp/preview`, { config });
			if (mine !== seq) return;
			const tokens = `about ${r.tokens_estimate.toLocaleString()} tokens in tools/list`;
			show(
				r.tool_exposure === 'discovery'
					? `Discovery: tools/list holds ${r.listed.length} meta-tools · ${tokens}`
					: `${r.count} ${r.count === 1 ? 'tool' : 'tools'} · ${tokens}`,
				r.tools,
				r.count > 0,
				r,
			);
		} catch (error) {
			if (mine !== seq) return;
			showErrors(form, error, { focus: false });
			show('No tools: this filter cannot be saved.', [], false);
		}
	};
	form.addEventListener('change', (event) => {
		const name = (event.target as HTMLInputElement | null)?.name ?? '';
		if (!PREVIEWED_FIELDS.includes(name)) return;
		clearTimeout(timer);
		box.setAttribute('aria-busy', 'true');
		submit.disabled = true;
		timer = window.setTimeout(() => void run(), 150);
	});
	return run();
}
