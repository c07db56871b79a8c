/** Read-only directory routes (edesk-api.md §2.7): contacts (with filters), channels, users and
 * whoami (`{data:{user}}` for the token's user). */
import type { Handler } from '../context';
import { dataResponse } from '../envelopes';
import { listResponse, toParams } from '../pagination';
import type { Contact } from '../types';
import { Checker } from '../validate';

function digits(value: string | null): string {
	return (value ?? '').replace(/\D/g, '');
}

function includes(haystack: string | null, needle: string): boolean {
	return (haystack ?? '').toLowerCase().includes(needle.toLowerCase());
}

function matchesFullText(c: Contact, q: string): boolean {
	const phone = digits(q);
	return (
		includes(c.full_name, q) ||
		includes(c.email, q) ||
		(phone.length >= 3 && digits(c.phone_number).includes(phone)) ||
		String(c.id) === q.trim()
	);
}

/** GET /contacts: `fsf_query` (full text), `consumer_id`, `email` (exact), `name`, `phone_number`. */
export const listContacts: Handler = ({ state, query }) => {
	const p = toParams(query);
	const check = new Checker();
	const q = check.str(p, 'fsf_query');
	const consumerId = check.int(p, 'consumer_id');
	const email = check.str(p, 'email');
	const name = check.str(p, 'name');
	const phone = check.str(p, 'phone_number');
	check.done();
	const contacts = [...state.contacts.values()]
		.filter(
			(c) =>
				(q === undefined || q.trim() === '' || matchesFullText(c, q)) &&
				(consumerId === undefined || c.id === consumerId) &&
				(email === undefined || c.email.toLowerCase() === email.trim().toLowerCase()) &&
				(name === undefined || includes(c.full_name, name.trim())) &&
				(phone === undefined ||
					(digits(phone) !== '' && digits(c.phone_number).includes(digits(phone)))),
		)
		.sort((a, b) => a.id - b.id);
	return listResponse(contacts, query);
};

/** GET /channels */
export const listChannels: Handler = ({ state, query }) =>
	listResponse(
		[...state.channels.values()].sort((a, b) => a.id - b.id),
		query,
	);

/** GET /users */
export const listUsers: Handler = ({ state, query }) =>
	listResponse(
		[...state.users.values()].sort((a, b) => a.id - b.id),
		query,
	);

/** GET /whoami */
export const whoami: Handler = ({ user }) => dataResponse({ user });
