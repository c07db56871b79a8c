/** Ticket routes (edesk-api.md §2.1): get, create, partial update (`tag_ids` replaces `tags_ids`),
 * custom-field data update, and delete = archive. List lives in ticket-list.ts. */
import type { Handler, HandlerContext } from '../context';
import { dataResponse, deletedResponse } from '../envelopes';
import { TICKET_STATUSES, TICKET_STATUSES_WIDE } from '../enums';
import { nextId } from '../store';
import { toTimestamp } from '../time';
import type { TicketRecord } from '../types';
import { Checker, must } from '../validate';
import { toTicket } from '../views';
import {
	mergeCustomFields,
	readContactInput,
	readCustomFields,
	readRef,
	requireRecord,
	upsertContact,
} from './shared';

const SUBJECT_MAX_CHARS = 255;

function ticketResponse(ctx: HandlerContext, ticket: TicketRecord): Response {
	return dataResponse(toTicket(ctx.state, ticket, ctx.nowMs));
}

/** GET /tickets/{id} */
export const getTicket: Handler = (ctx) =>
	ticketResponse(ctx, requireRecord(ctx.state.tickets, ctx.id, 'Ticket'));

/** POST /tickets */
export const createTicket: Handler = (ctx) => {
	const { state, body } = ctx;
	const check = new Checker();
	const subject = check.str(body, 'subject', 'subject', { required: true, max: SUBJECT_MAX_CHARS });
	const channelId = readRef(check, body, 'channel_id', state.channels, true);
	const status = check.oneOf(body, 'status', TICKET_STATUSES, { required: true });
	const orderId = readRef(check, body, 'sales_order_id', state.salesOrders);
	const createdAt = check.timestamp(body, 'created_at');
	const fullResponse = check.bool(body, 'full_response') ?? true;
	const customFields = readCustomFields(check, body, state, { entity: 'ticket' }) ?? [];
	const contactId = readRef(check, body, 'contact_id', state.contacts);
	const contactInput = contactId === undefined ? readContactInput(check, body) : undefined;
	const order = orderId === undefined ? undefined : state.salesOrders.get(orderId);
	if (order && channelId !== undefined && order.channel_id !== channelId) {
		check.fail('sales_order_id', '4014');
	}
	check.done();
	const channel = must(channelId);
	const linkedContact =
		contactId ?? (contactInput ? upsertContact(state, contactInput, channel) : order?.contact_id);
	const ticket: TicketRecord = {
		id: nextId(state, 'ticket'),
		subject: must(subject),
		type: 'Query',
		channel_id: channel,
		status: must(status),
		sales_order_id: orderId ?? null,
		external_order_id: null,
		created_at: createdAt ?? toTimestamp(ctx.nowMs),
		owner_user_id: null,
		custom_fields: customFields,
		tags_ids: [],
		contact_id: linkedContact ?? null,
		messages_ids: [],
		ai_classification: null,
		is_read: false,
		is_priority: false,
	};
	state.tickets.set(ticket.id, ticket);
	return fullResponse ? ticketResponse(ctx, ticket) : dataResponse({ id: ticket.id });
};

/** Applies a wide-set status: the six real statuses set `status`, the others set flags. */
function applyStatus(ticket: TicketRecord, status: (typeof TICKET_STATUSES_WIDE)[number]): void {
	if (status === 'Read' || status === 'Unread') ticket.is_read = status === 'Read';
	else if (status === 'Priority' || status === 'Unpriority')
		ticket.is_priority = status === 'Priority';
	else ticket.status = status;
}

/** PUT /tickets/{id}: partial; `tag_ids` replaces the whole tag set. */
export const updateTicket: Handler = (ctx) => {
	const { state, body } = ctx;
	const ticket = requireRecord(state.tickets, ctx.id, 'Ticket');
	const check = new Checker();
	const subject = check.str(body, 'subject', 'subject', { max: SUBJECT_MAX_CHARS });
	const channelId = readRef(check, body, 'channel_id', state.channels);
	const status = check.oneOf(body, 'status', TICKET_STATUSES_WIDE);
	const orderId = readRef(check, body, 'sales_order_id', state.salesOrders);
	const customFields = readCustomFields(check, body, state, { entity: 'ticket' });
	const contactId = readRef(check, body, 'contact_id', state.contacts);
	const ownerId = readRef(check, body, 'owner_user_id', state.users);
	const tagIds = check.intArray(body, 'tag_ids');
	tagIds?.forEach((id, i) => {
		if (!state.tags.has(id)) check.fail(`tag_ids.${String(i)}`, '4002');
	});
	check.done();
	if (subject !== undefined) ticket.subject = subject;
	if (channelId !== undefined) ticket.channel_id = channelId;
	if (status !== undefined) applyStatus(ticket, status);
	if (orderId !== undefined) ticket.sales_order_id = orderId;
	if (customFields) ticket.custom_fields = mergeCustomFields(ticket.custom_fields, customFields);
	if (contactId !== undefined) ticket.contact_id = contactId;
	if (ownerId !== undefined) ticket.owner_user_id = ownerId;
	if (tagIds) ticket.tags_ids = [...new Set(tagIds)];
	return ticketResponse(ctx, ticket);
};

/** PUT /tickets/{id}/data: `{custom_fields:[{name,value}]}`. */
export const updateTicketData: Handler = (ctx) => {
	const ticket = requireRecord(ctx.state.tickets, ctx.id, 'Ticket');
	const check = new Checker();
	const fields = readCustomFields(check, ctx.body, ctx.state, { entity: 'ticket', required: true });
	check.done();
	ticket.custom_fields = mergeCustomFields(ticket.custom_fields, fields ?? []);
	return ticketResponse(ctx, ticket);
};

/** DELETE /tickets/{id}: archives (status Archived), live confirmation shape. */
export const deleteTicket: Handler = (ctx) => {
	const ticket = requireRecord(ctx.state.tickets, ctx.id, 'Ticket');
	ticket.status = 'Archived';
	return deletedResponse('Ticket deleted');
};
