/** Message routes (edesk-api.md §2.2): get, create (inserted chronologically into the ticket's
 * `messages_ids`), update (Notes only), delete. There is deliberately no list route. */
import type { Handler } from '../context';
import { dataResponse, deletedResponse } from '../envelopes';
import { MESSAGE_CREATE_DIRECTIONS, MESSAGE_CREATE_TYPES } from '../enums';
import { nextId, type SandboxState } from '../store';
import { toTimestamp } from '../time';
import type { MessageRecord, TicketRecord } from '../types';
import { Checker, must } from '../validate';
import { toMessage } from '../views';
import { readRef, readUrlAttachments, requireRecord } from './shared';

const MESSAGE_ITEMS_LIMIT = 1000;

/** Inserts after the last message not newer than `m` (keeps messages_ids chronological). */
function insertChronologically(state: SandboxState, ticket: TicketRecord, m: MessageRecord): void {
	let index = ticket.messages_ids.length;
	while (index > 0) {
		const prev = state.messages.get(ticket.messages_ids[index - 1] ?? -1);
		if (!prev || prev.created_at <= m.created_at) break;
		index -= 1;
	}
	ticket.messages_ids.splice(index, 0, m.id);
}

/** GET /messages/{id} */
export const getMessage: Handler = ({ state, id }) =>
	dataResponse(toMessage(state, requireRecord(state.messages, id, 'Message')));

/** POST /messages */
export const createMessage: Handler = ({ state, body, user, nowMs }) => {
	const check = new Checker();
	const ticketId = readRef(check, body, 'ticket_id', state.tickets, true);
	const text = check.str(body, 'body', 'body', { required: true });
	const type = check.oneOf(body, 'type', MESSAGE_CREATE_TYPES, { required: true });
	const direction = check.oneOf(body, 'direction', MESSAGE_CREATE_DIRECTIONS);
	const subject = check.str(body, 'subject', 'subject', { max: 255 });
	const createdAt = check.timestamp(body, 'created_at');
	check.bool(body, 'send');
	const fullResponse = check.bool(body, 'full_response') ?? true;
	const attachments = readUrlAttachments(check, body) ?? [];
	const ticket = ticketId === undefined ? undefined : state.tickets.get(ticketId);
	if (ticket && ticket.messages_ids.length >= MESSAGE_ITEMS_LIMIT) check.fail('ticket_id', '4022');
	check.done();
	const t = must(ticket);
	const dir = direction ?? (type === 'Note' ? 'Other' : 'Outgoing');
	const incoming = dir === 'Incoming';
	const message: MessageRecord = {
		id: nextId(state, 'message'),
		external_id: null,
		subject: subject ?? (type === 'Message' ? `Re: ${t.subject}` : null),
		created_at: createdAt ?? toTimestamp(nowMs),
		from_consumer_id: incoming ? t.contact_id : null,
		from_user_id: incoming ? null : user.id,
		type: must(type),
		direction: dir,
		body: must(text),
		attachments: attachments.map((a) => ({ id: nextId(state, 'attachment'), ...a })),
		errors: [],
		ticket_id: t.id,
	};
	state.messages.set(message.id, message);
	insertChronologically(state, t, message);
	if (message.type === 'Message' && incoming) {
		t.is_read = false;
		if (t.status === 'Closed' || t.status === 'Pending') t.status = 'Open';
	}
	if (message.type === 'Message' && dir === 'Outgoing') t.is_read = true;
	return dataResponse(fullResponse ? toMessage(state, message) : { id: message.id });
};

/** PUT /messages/{id}: only Notes can be edited (`type` accepts only `Note`). */
export const updateMessage: Handler = ({ state, id, body }) => {
	const message = requireRecord(state.messages, id, 'Message');
	const check = new Checker();
	const subject = check.str(body, 'subject', 'subject', { max: 255 });
	const text = check.str(body, 'body');
	check.oneOf(body, 'type', ['Note'] as const);
	if (message.type !== 'Note') check.fail('type', '4007');
	check.done();
	if (subject !== undefined) message.subject = subject;
	if (text !== undefined) message.body = text;
	return dataResponse(toMessage(state, message));
};

/** DELETE /messages/{id}: removes it from the store and from its ticket's `messages_ids`. */
export const deleteMessage: Handler = ({ state, id }) => {
	const message = requireRecord(state.messages, id, 'Message');
	state.messages.delete(id);
	const ticket = state.tickets.get(message.ticket_id);
	if (ticket) ticket.messages_ids = ticket.messages_ids.filter((m) => m !== id);
	return deletedResponse('Message deleted');
};
