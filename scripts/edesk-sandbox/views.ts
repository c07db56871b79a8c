/** Stored records → wire objects, with the computed fields (ticket `last_updated_at`, `replies`,
 * `time_left_to_reply`, embedded `sales_order`; order `total_amount`, `ticket_id`, `order_notes_id`). */
import type { SandboxState } from './store';
import { toEpochMs } from './time';
import type { MessageRecord, OrderNoteRecord, SalesOrderRecord, TicketRecord } from './types';

const REPLY_SLA_SECONDS = 24 * 60 * 60;
const TICKET_URI_BASE = 'https://app.edesk.com/tickets/';

/** Messages of a ticket in `messages_ids` order (chronological, last = newest). */
export function ticketMessages(state: SandboxState, ticket: TicketRecord): MessageRecord[] {
	return ticket.messages_ids.flatMap((id) => state.messages.get(id) ?? []);
}

/** `datetime of the last message on the ticket; null when no messages`. */
export function ticketLastUpdatedAt(state: SandboxState, ticket: TicketRecord): string | null {
	const last = ticketMessages(state, ticket).at(-1);
	return last ? last.created_at : null;
}

function isReply(m: MessageRecord): boolean {
	return m.type === 'Message' && m.direction === 'Outgoing';
}

/** Seconds left of a 24 h reply SLA when a customer message awaits a reply, else false. */
function timeLeftToReply(
	ticket: TicketRecord,
	messages: MessageRecord[],
	nowMs: number,
): number | false {
	if (ticket.status !== 'Open' && ticket.status !== 'Pending') return false;
	const conversation = messages.filter((m) => m.type === 'Message');
	const last = conversation.at(-1);
	if (!last || last.direction !== 'Incoming') return false;
	return Math.round((toEpochMs(last.created_at) - nowMs) / 1000) + REPLY_SLA_SECONDS;
}

/** The Ticket wire object (§2.1). */
export function toTicket(
	state: SandboxState,
	t: TicketRecord,
	nowMs: number,
): Record<string, unknown> {
	const messages = ticketMessages(state, t);
	const order = t.sales_order_id === null ? undefined : state.salesOrders.get(t.sales_order_id);
	return {
		id: t.id,
		subject: t.subject,
		type: t.type,
		channel_id: t.channel_id,
		status: t.status,
		sales_order_id: t.sales_order_id,
		sales_order: order ? toSalesOrder(state, order) : null,
		external_order_id: t.external_order_id,
		created_at: t.created_at,
		last_updated_at: messages.at(-1)?.created_at ?? null,
		owner_user_id: t.owner_user_id,
		custom_fields: t.custom_fields,
		time_left_to_reply: timeLeftToReply(t, messages, nowMs),
		tags_ids: t.tags_ids,
		contact_id: t.contact_id,
		messages_ids: t.messages_ids,
		uri: `${TICKET_URI_BASE}${String(t.id)}`,
		replies: messages.filter(isReply).length,
		ai_classification: t.ai_classification,
	};
}

/** Σ(line end_price + line shipping) + order shipping, to the cent (§8.7). */
export function orderTotal(o: SalesOrderRecord): number {
	const lines = o.order_items.reduce((sum, i) => sum + i.end_price + i.item_shipping_amount, 0);
	return Math.round((lines + o.shipping_amount) * 100) / 100;
}

/** The SalesOrder wire object (§2.3). */
export function toSalesOrder(state: SandboxState, o: SalesOrderRecord): Record<string, unknown> {
	let ticketId: number | null = null;
	for (const t of state.tickets.values()) {
		if (t.sales_order_id === o.id && (ticketId === null || t.id > ticketId)) ticketId = t.id;
	}
	const noteIds = [...state.orderNotes.values()]
		.filter((n) => n.sales_order_id === o.id)
		.map((n) => n.id)
		.sort((a, b) => a - b);
	return {
		id: o.id,
		channel_id: o.channel_id,
		seller_order_id: o.seller_order_id,
		status: o.status,
		order_items: o.order_items.map(({ id, product, quantity, end_price }) => ({
			id,
			product,
			quantity,
			end_price,
		})),
		shipping_amount: o.shipping_amount,
		total_amount: orderTotal(o),
		ship_to: o.ship_to,
		bill_to: o.bill_to,
		contact_id: o.contact_id,
		tracking_codes: o.tracking_codes,
		created_at: o.created_at,
		last_updated_at: o.last_updated_at,
		ticket_id: ticketId,
		order_notes_id: noteIds,
		sales_order_delivery_dates: o.sales_order_delivery_dates,
		order_created_at: o.order_created_at,
		order_shipped_at: o.order_shipped_at,
		delivery_type: o.delivery_type,
		custom_fields: o.custom_fields,
	};
}

/** The Message ("TicketItem") wire object (§2.2). */
export function toMessage(state: SandboxState, m: MessageRecord): Record<string, unknown> {
	return {
		id: m.id,
		external_id: m.external_id,
		subject: m.subject,
		created_at: m.created_at,
		from_consumer_id: m.from_consumer_id,
		from_user: m.from_user_id === null ? null : (state.users.get(m.from_user_id) ?? null),
		type: m.type,
		direction: m.direction,
		body: m.body,
		attachments: m.attachments,
		errors: m.errors,
		ticket_id: m.ticket_id,
	};
}

/** The OrderNote wire object (§2.4). */
export function toOrderNote(state: SandboxState, n: OrderNoteRecord): Record<string, unknown> {
	return {
		id: n.id,
		sales_order_id: n.sales_order_id,
		user: state.users.get(n.user_id) ?? null,
		text: n.text,
		attachments: n.attachments,
		created_at: n.created_at,
		last_updated_at: n.last_updated_at,
	};
}
