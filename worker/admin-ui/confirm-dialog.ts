/** The confirm dialog: a question, what happens, Cancel or the action (whose error stays in the dialog). */
import { ApiError } from './api';
import { byId } from './dom';
import { clearErrors, setBusy, showErrors } from './feedback';

/** Opens the dialog; `action` runs on OK and the dialog closes when it succeeds. */
export function confirmAction(options: {
	title: string;
	body: (Node | string)[];
	okLabel: string;
	action: () => Promise<void>;
}): void {
	const dialog = byId<HTMLDialogElement>('confirm');
	const ok = byId<HTMLButtonElement>('confirm-ok');
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
			if (error instanceof ApiError && error.status === 401) dialog.close();
			else showErrors(dialog, error);
		} finally {
			setBusy(ok, false);
		}
	};
	byId('confirm-cancel').onclick = () => dialog.close();
	dialog.showModal();
	byId('confirm-cancel').focus();
}
