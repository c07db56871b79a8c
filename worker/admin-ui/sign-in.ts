/** Screen: sign in with a management API token (kept in sessionStorage, this tab only) and sign out. */
import { api, ApiError } from './api';
import { byId } from './dom';
import { clearErrors, fieldError, setBusy, showErrors } from './feedback';
import { state, TOKEN_KEY } from './state';
import type { Meta } from './types';

/** Shows the token prompt (with why, when the API refused the last token). */
export function showSignIn(message?: string): void {
	byId('app').hidden = true;
	byId('sign-out').hidden = true;
	byId('signin').hidden = false;
	const form = byId<HTMLFormElement>('signin-form');
	clearErrors(form);
	if (message) {
		showErrors(form, new ApiError(401, 'invalid_token', message), {
			codeFields: { invalid_token: 'token' },
		});
	}
	byId('signin-token').focus();
}

/** Forgets the token and everything shown with it (a URL shown once included), then asks again. */
export function signOut(message?: string): void {
	sessionStorage.removeItem(TOKEN_KEY);
	state.token = null;
	state.accountId = null;
	for (const dialog of document.querySelectorAll('dialog')) dialog.close();
	for (const id of ['created-slot', 'create-slot', 'server-rows']) byId(id).replaceChildren();
	showSignIn(message);
}

/** Wires the sign-in form: the token is checked with `GET /integrated-account/meta`, then `start` runs. */
export function setUpSignIn(start: () => Promise<void>): void {
	const form = byId<HTMLFormElement>('signin-form');
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const input = byId<HTMLInputElement>('signin-token');
		clearErrors(form);
		const token = input.value.trim();
		if (!token) return showErrors(form, fieldError('token', 'paste your API token'));
		const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
		if (button) setBusy(button, true, 'Checking…');
		state.token = token;
		try {
			state.meta = await api<Meta>('GET', '/integrated-account/meta', undefined, {
				quiet401: true,
			});
		} catch (error) {
			state.token = null;
			return showErrors(form, error, { codeFields: { invalid_token: 'token' } });
		} finally {
			if (button) setBusy(button, false);
		}
		sessionStorage.setItem(TOKEN_KEY, token);
		input.value = '';
		await start();
	});
	byId('sign-out').addEventListener('click', () => signOut());
}
