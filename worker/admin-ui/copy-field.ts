/** A labelled read-only field with a Copy button and a status line (a new server's URL, the OAuth URL). */
import { h } from './dom';

/** Copies the input's text, or selects it and says how to copy by hand. */
export async function copyText(input: HTMLInputElement, status: HTMLElement): Promise<void> {
	input.select();
	try {
		await navigator.clipboard.writeText(input.value);
		status.textContent = 'Copied.';
	} catch {
		status.textContent = 'Press Ctrl+C (⌘C) to copy the selected text.';
	}
}

/** The field of `value` under `label`; `describedBy` names the element that explains it, if any. */
export function copyField(options: {
	id: string;
	label: string;
	value: string;
	button: string;
	describedBy?: string;
}): HTMLDivElement {
	const input = h('input', {
		type: 'text',
		id: options.id,
		readonly: true,
		value: options.value,
		spellcheck: 'false',
		...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
	});
	const copied = h('span', { role: 'status', class: 'muted' });
	return h(
		'div',
		{ class: 'field' },
		h('label', { for: options.id, text: options.label }),
		h(
			'div',
			{ class: 'copy-row' },
			input,
			h('button', {
				type: 'button',
				class: 'primary',
				text: options.button,
				onclick: () => void copyText(input, copied),
			}),
			copied,
		),
	);
}
