/** Browser script, part 2: the MCP server form (name, methods, tags, API-token switch, expiry) and its live tool preview. Text only. */

/** Plain JS sharing one function scope with the other parts (no template literals). */
export const CLIENT_SERVER_FORM = String.raw`
const EXPIRY_PRESETS = [['1h', '1 hour', 3600], ['1d', '1 day', 86400], ['7d', '7 days', 604800], ['30d', '30 days', 2592000]];
const DEFAULT_CONFIG = { methods: ['read'], tags: [], require_api_token_auth: false };

function errorSlot(id, field) {
	return h('p', { class: 'error', id: id, 'data-error-for': field });
}

function checkBox(name, value, label, checked, hint) {
	return h('label', { class: 'check' }, h('input', { type: 'checkbox', name: name, value: value, checked: checked }), label,
		hint ? h('span', { class: 'hint', text: '(' + hint + ')' }) : null);
}

/** 'YYYY-MM-DDTHH:MM' in local time, for datetime-local inputs. */
function toLocalInput(ms) {
	const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60000);
	return d.toISOString().slice(0, 16);
}

function expiryFieldset(p, server) {
	const options = [];
	if (server) options.push(['keep', server.expires_at ? 'Keep: ' + DATE_FORMAT.format(new Date(server.expires_at)) : 'Keep: never']);
	options.push(['never', 'Never']);
	for (const preset of EXPIRY_PRESETS) options.push([preset[0], 'In ' + preset[1]]);
	options.push(['at', 'On a date and time']);
	const initial = server ? 'keep' : '7d';
	const at = h('input', { type: 'datetime-local', id: p + 'expires-at', 'aria-label': 'Expiry date and time (your local time)',
		min: toLocalInput(Date.now() + 120000), 'aria-describedby': p + 'expiry-error' });
	at.addEventListener('input', () => { at.form.querySelector('input[name=expiry][value=at]').checked = true; });
	return h('fieldset', { class: 'field', 'aria-describedby': p + 'expiry-error' }, h('legend', { text: 'Expiry' }),
		h('div', { class: 'checks' }, options.map((o) => h('label', { class: 'check' },
			h('input', { type: 'radio', name: 'expiry', value: o[0], checked: o[0] === initial }), o[1]))),
		at, h('p', { class: 'hint', text: 'After expiry the URL answers 404 at once.' }), errorSlot(p + 'expiry-error', 'expires_at'));
}

/** The create or edit form for an MCP server ('p' prefixes ids; 'server' pre-fills an edit). */
function serverForm(p, server, submitLabel) {
	const meta = state.meta;
	const config = server ? server.config : DEFAULT_CONFIG;
	const groups = Object.keys(meta.method_groups);
	const singles = meta.methods.filter((m) => !groups.includes(m));
	const submit = h('button', { type: 'submit', class: 'primary', text: submitLabel, disabled: true });
	const form = h('form', { class: 'server-form', id: p + 'form', novalidate: true },
		h('div', { class: 'field' }, h('label', { for: p + 'name', text: 'Name' }),
			h('input', { type: 'text', id: p + 'name', name: 'name', required: true, maxlength: meta.name_max_chars, autocomplete: 'off',
				value: server ? server.name : '', 'aria-describedby': p + 'name-error' }),
			errorSlot(p + 'name-error', 'name')),
		h('fieldset', { class: 'field', 'aria-describedby': p + 'methods-error' }, h('legend', { text: 'Methods' }),
			h('div', { class: 'checks' }, groups.map((g) => checkBox('methods', g, g === 'read' ? 'Read' : g === 'write' ? 'Write' : g,
				config.methods.includes(g), meta.method_groups[g].join(' + ')))),
			h('p', { class: 'hint', text: 'Or single methods:' }),
			h('div', { class: 'checks' }, singles.map((m) => checkBox('methods', m, m, config.methods.includes(m)))),
			errorSlot(p + 'methods-error', 'methods')),
		h('fieldset', { class: 'field', 'aria-describedby': p + 'tags-hint ' + p + 'tags-error' }, h('legend', { text: 'Tags' }),
			h('p', { class: 'hint', id: p + 'tags-hint', text: 'Only tools with one of the ticked tags. None ticked: every tag.' }),
			h('div', { class: 'checks' }, meta.tags.map((t) => checkBox('tags', t, t, config.tags.includes(t)))),
			errorSlot(p + 'tags-error', 'tags')),
		h('div', { class: 'field' }, checkBox('require_api_token_auth', 'yes', 'Require an API token too', config.require_api_token_auth),
			h('p', { class: 'hint', text: 'Callers must also send Authorization: Bearer <API token>. ChatGPT cannot, so leave this off for ChatGPT.' }),
			errorSlot(p + 'auth-error', 'require_api_token_auth')),
		expiryFieldset(p, server),
		previewBox(p),
		h('p', { class: 'error wide', 'data-error-for': 'form' }),
		h('div', { class: 'actions wide' }, submit));
	form.submitButton = submit;
	return form;
}

function previewBox(p) {
	return h('section', { class: 'preview', 'aria-labelledby': p + 'preview-title', 'aria-busy': 'true' },
		h('h4', { id: p + 'preview-title', text: 'Tools this server will expose' }),
		h('p', { class: 'preview-summary', 'aria-live': 'polite', text: 'Loading the tool list…' }),
		h('ol', { class: 'tool-list', tabindex: '0', 'aria-label': 'Tool list' }),
		errorSlot(p + 'config-error', 'config'));
}

function readConfig(form) {
	const ticked = (name) => [...form.querySelectorAll('input[name=' + name + ']:checked')].map((i) => i.value);
	return { methods: ticked('methods'), tags: ticked('tags'), require_api_token_auth: ticked('require_api_token_auth').length > 0 };
}

/** The chosen expiry: undefined = keep, null = never, else an ISO time; throws a field error for a bad date. */
function readExpiry(form) {
	const choice = (form.querySelector('input[name=expiry]:checked') || {}).value;
	if (choice === 'keep') return undefined;
	if (choice === 'never' || choice === undefined) return null;
	const preset = EXPIRY_PRESETS.find((x) => x[0] === choice);
	if (preset) return new Date(Date.now() + preset[2] * 1000).toISOString();
	const value = form.querySelector('input[type=datetime-local]').value;
	const at = value ? new Date(value).getTime() : NaN;
	if (!Number.isFinite(at)) throw fieldError('expires_at', 'choose a date and time');
	if (at < Date.now() + state.meta.min_expiry_ahead_seconds * 1000) throw fieldError('expires_at', 'must be at least a minute from now');
	return new Date(at).toISOString();
}

function readName(form) {
	const name = form.querySelector('input[name=name]').value.trim();
	if (!name) throw fieldError('name', 'enter a name');
	return name;
}

/** Keeps the preview in step with the filters (same code path as tools/list); submit stays off while no tool is left. */
function attachPreview(form, accountId) {
	const box = form.querySelector('.preview');
	const summary = box.querySelector('.preview-summary');
	const list = box.querySelector('.tool-list');
	const filterFields = ['methods', 'tags', 'config'];
	let seq = 0;
	let timer = 0;
	const show = (text, tools, ok) => {
		summary.textContent = text;
		summary.dataset.count = String(tools.length);
		list.replaceChildren(...tools.map((t) => h('li', {}, h('code', { text: t.name }), h('span', { class: 'method', text: t.method }))));
		box.setAttribute('aria-busy', 'false');
		form.previewOk = ok;
		form.submitButton.disabled = !ok;
	};
	const run = async () => {
		const mine = ++seq;
		const config = readConfig(form);
		clearErrors(form, filterFields);
		box.setAttribute('aria-busy', 'true');
		form.submitButton.disabled = true;
		if (config.methods.length === 0) {
			showErrors(form, fieldError('methods', 'tick at least one method'), { focus: false });
			return show('No tools: tick at least one method.', [], false);
		}
		try {
			const r = await api('POST', accountPath(accountId) + '/mcp/preview', { config: config });
			if (mine !== seq) return;
			show(r.count + (r.count === 1 ? ' tool' : ' tools') + ' · about ' + r.tokens_estimate.toLocaleString() + ' tokens in tools/list', r.tools, r.count > 0);
		} catch (error) {
			if (mine !== seq) return;
			showErrors(form, error, { focus: false });
			show('No tools: this filter cannot be saved.', [], false);
		}
	};
	form.addEventListener('change', (event) => {
		if (!['methods', 'tags', 'require_api_token_auth'].includes(event.target.name)) return;
		clearTimeout(timer);
		box.setAttribute('aria-busy', 'true');
		form.submitButton.disabled = true;
		timer = setTimeout(run, 150);
	});
	return run();
}
`;
