/** Field errors next to their controls, busy buttons and status lines: how every form of the page answers. */
import { ApiError } from './api';
import { byId } from './dom';

/** A problem found before calling the API, worded as the API words it (`field: message`). */
export function fieldError(field: string, message: string): ApiError {
	return new ApiError(0, 'invalid_request', `${field}: ${message}`);
}

/** Empties the error slots in `root` (all of them, or only the named fields). */
export function clearErrors(root: ParentNode, fields?: readonly string[]): void {
	for (const slot of root.querySelectorAll<HTMLElement>('[data-error-for]')) {
		if (fields && !fields.includes(slot.dataset.errorFor ?? '')) continue;
		slot.textContent = '';
		slot.closest('.field')?.querySelector('[aria-invalid]')?.removeAttribute('aria-invalid');
		if (slot.parentElement?.matches('fieldset')) slot.parentElement.removeAttribute('aria-invalid');
	}
}

/**
 * Puts each problem of an API error next to its control (`name: …` goes to the name field), the rest
 * under the form. `codeFields` maps an error code to a field; `focus: false` keeps the focus where it is.
 */
export function showErrors(
	root: ParentNode,
	error: unknown,
	options: { codeFields?: Record<string, string>; focus?: boolean } = {},
): void {
	const failure =
		error instanceof ApiError ? error : new ApiError(0, 'error', 'Something went wrong.');
	const lines =
		Array.isArray(failure.details) && failure.details.length > 0
			? failure.details.map(String)
			: [failure.message];
	let first: HTMLElement | null = null;
	for (const line of lines) {
		const match = /^([A-Za-z_.]+): ([\s\S]+)$/.exec(line);
		const field = match
			? (match[1]?.split('.').pop() ?? 'form')
			: (options.codeFields?.[failure.code] ?? 'form');
		let text = match ? (match[2] ?? line) : line;
		let slot = root.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
		if (!slot) {
			slot = root.querySelector<HTMLElement>('[data-error-for="form"]');
			text = line;
		}
		if (!slot) continue;
		slot.textContent = slot.textContent ? `${slot.textContent} ${text}` : text;
		const holder = slot.parentElement;
		const control = holder?.matches('fieldset') ? holder : holder?.querySelector('input');
		if (!control || field === 'form') continue;
		control.setAttribute('aria-invalid', 'true');
		first ??= control.matches('fieldset') ? control.querySelector('input') : control;
	}
	if (first && options.focus !== false) first.focus();
}

/** Disables a button while its action runs and shows what it is doing. */
export function setBusy(button: HTMLButtonElement, busy: boolean, label = 'Working…'): void {
	button.disabled = busy;
	if (busy) {
		button.dataset.label = button.textContent ?? '';
		button.textContent = label;
	} else if (button.dataset.label) {
		button.textContent = button.dataset.label;
	}
}

/** Writes a status line (green, or red when `failed`). */
export function announce(id: string, text: string, failed = false): void {
	const el = byId(id);
	el.textContent = text;
	el.classList.toggle('ok', Boolean(text) && !failed);
	el.classList.toggle('error', failed);
}

/** The message of anything thrown, for a status line. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : 'Something went wrong.';
}
