/** Browser script, part 1: state, DOM builder, the management API client, field errors, times and the confirm dialog. Text only; runs in the browser. */

/** Plain JS (no template literals: the text lives in one). Shares one function scope with the other parts. */
export const CLIENT_CORE = String.raw`
const TOKEN_KEY = 'edesk-mcp.api-token';
const state = { token: null, meta: null, accounts: [], accountId: null, servers: [] };

function byId(id) {
	return document.getElementById(id);
}

/** Builds an element: props are attributes (true = present), 'text', 'class' or on<event> listeners. */
function h(tag, props, ...children) {
	const el = document.createElement(tag);
	for (const [key, value] of Object.entries(props || {})) {
		if (value === undefined || value === null || value === false) continue;
		if (key === 'text') el.textContent = value;
		else if (key === 'class') el.className = value;
		else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
		else el.setAttribute(key, value === true ? '' : String(value));
	}
	el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
	return el;
}

class ApiError extends Error {
	constructor(status, code, message, details) {
		super(message);
		this.status = status;
		this.code = code;
		this.details = details;
	}
}

/** Calls the management API with the API token; throws ApiError with the API's code and message. */
async function api(method, path, body, options) {
	const headers = { accept: 'application/json', authorization: 'Bearer ' + state.token };
	if (body !== undefined) headers['content-type'] = 'application/json';
	let response;
	try {
		response = await fetch(path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			cache: 'no-store',
			credentials: 'omit',
		});
	} catch {
		throw new ApiError(0, 'network_error', 'Could not reach the Worker. Check the connection and try again.');
	}
	const text = await response.text();
	let data = null;
	try {
		data = text ? JSON.parse(text) : null;
	} catch {
		data = null;
	}
	if (response.ok) return data;
	const e = (data && data.error) || {};
	const error = new ApiError(response.status, e.code || 'http_error', e.message || 'The Worker answered HTTP ' + response.status + '.', e.details);
	if (response.status === 401 && !(options && options.quiet401)) {
		signOut('The API token was refused (' + error.message + '). Sign in with a valid one.');
	}
	throw error;
}

function accountPath(accountId) {
	return '/integrated-account/' + encodeURIComponent(accountId);
}

function fieldError(field, message) {
	return new ApiError(0, 'invalid_request', field + ': ' + message);
}

/** Empties the error slots in root (all of them, or only the named fields). */
function clearErrors(root, fields) {
	for (const slot of root.querySelectorAll('[data-error-for]')) {
		if (fields && !fields.includes(slot.dataset.errorFor)) continue;
		slot.textContent = '';
		const control = slot.closest('.field') && slot.closest('.field').querySelector('input[aria-invalid], fieldset[aria-invalid]');
		if (control) control.removeAttribute('aria-invalid');
		if (slot.parentElement && slot.parentElement.matches('fieldset')) slot.parentElement.removeAttribute('aria-invalid');
	}
}

// Puts each problem of an API error next to its control ('name: …' goes to the name field), the rest under the form.
// options.codeFields maps an error code to a field; options.focus = false keeps the focus where it is.
function showErrors(root, error, options) {
	const codeFields = options && options.codeFields;
	const lines = Array.isArray(error.details) && error.details.length > 0 ? error.details.map(String) : [error.message];
	let first = null;
	for (const line of lines) {
		const match = /^([A-Za-z_.]+): ([\s\S]+)$/.exec(line);
		let field = match ? match[1].split('.').pop() : (codeFields && codeFields[error.code]) || 'form';
		let text = match ? match[2] : line;
		let slot = root.querySelector('[data-error-for="' + field + '"]');
		if (!slot) {
			slot = root.querySelector('[data-error-for="form"]');
			text = line;
		}
		if (!slot) continue;
		slot.textContent = slot.textContent ? slot.textContent + ' ' + text : text;
		const holder = slot.parentElement;
		const control = holder.matches('fieldset') ? holder : holder.querySelector('input');
		if (control && field !== 'form') control.setAttribute('aria-invalid', 'true');
		if (!first && control && field !== 'form') first = control.matches('fieldset') ? control.querySelector('input') : control;
	}
	if (first && !(options && options.focus === false)) first.focus();
}

function setBusy(button, busy, label) {
	button.disabled = busy;
	if (busy) {
		button.dataset.label = button.textContent;
		button.textContent = label || 'Working…';
	} else if (button.dataset.label) {
		button.textContent = button.dataset.label;
	}
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function timeEl(iso) {
	return h('time', { datetime: iso, text: DATE_FORMAT.format(new Date(iso)) });
}

/** '6 d 23 h', '59 min 12 s', '8 s'. */
function formatRemaining(ms) {
	const s = Math.floor(ms / 1000);
	const days = Math.floor(s / 86400);
	const hours = Math.floor((s % 86400) / 3600);
	const minutes = Math.floor((s % 3600) / 60);
	if (days > 0) return days + ' d ' + hours + ' h';
	if (hours > 0) return hours + ' h ' + minutes + ' min';
	if (minutes > 0) return minutes + ' min ' + (s % 60) + ' s';
	return s + ' s';
}

/** Updates every live countdown; an expired one turns into a red 'Expired' badge and marks its row. */
function tickCountdowns() {
	const now = Date.now();
	for (const el of document.querySelectorAll('[data-expires]')) {
		const left = Date.parse(el.dataset.expires) - now;
		if (left <= 0) {
			el.textContent = 'Expired';
			el.classList.add('expired');
			const row = el.closest('tr');
			if (row) row.classList.add('is-expired');
		} else {
			el.textContent = formatRemaining(left) + ' left';
			el.classList.toggle('soon', left < 3600000);
		}
	}
}

/** Opens the confirm dialog; 'action' runs on OK and its error stays in the dialog. */
function confirmAction(options) {
	const dialog = byId('confirm');
	const ok = byId('confirm-ok');
	byId('confirm-title').textContent = options.title;
	byId('confirm-body').replaceChildren(...options.body);
	clearErrors(dialog);
	ok.textContent = options.okLabel;
	ok.disabled = false;
	ok.onclick = async () => {
		setBusy(ok, true);
		try {
			await options.action();
			dialog.close();
		} catch (error) {
			if (error.status === 401) dialog.close();
			else showErrors(dialog, error);
		} finally {
			setBusy(ok, false);
		}
	};
	byId('confirm-cancel').onclick = () => dialog.close();
	dialog.showModal();
	byId('confirm-cancel').focus();
}

/** Writes a status line (green, or red when 'failed'). */
function announce(id, text, failed) {
	const el = byId(id);
	el.textContent = text;
	el.classList.toggle('ok', Boolean(text) && !failed);
	el.classList.toggle('error', Boolean(failed));
}
`;
