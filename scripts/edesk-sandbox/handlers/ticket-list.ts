/** GET /tickets: every filter of edesk-api.md §2.1 plus order_by/order_direction and pagination. */
import type { Handler } from '../context';
import { TICKET_STATUSES_WIDE, TICKET_TYPES } from '../enums';
import { listResponse, sortByQuery, toParams } from '../pagination';
import { isDateOnly, toTimestamp } from '../time';
import type { TicketRecord } from '../types';
import { Checker } from '../validate';
import { ticketLastUpdatedAt, toTicket } from '../views';

type Bound = 'gte' | 'lte';

/** A `YYYY-MM-DD` (or epoch seconds, the spec's int64) as an inclusive timestamp bound (4010). */
function readDateBound(
	check: Checker,
	params: Record<string, string>,
	key: string,
	bound: Bound,
): string | undefined {
	const v = check.str(params, key);
	if (v === undefined) return undefined;
	if (/^\d{9,11}$/.test(v)) return toTimestamp(Number(v) * 1000);
	if (!isDateOnly(v)) return check.fail(key, '4010');
	return bound === 'gte' ? `${v} 00:00:00` : `${v} 23:59:59`;
}

function matchesStatus(t: TicketRecord, status: string): boolean {
	switch (status) {
		case 'Unread':
			return !t.is_read;
		case 'Read':
			return t.is_read;
		case 'Priority':
			return t.is_priority;
		case 'Unpriority':
			return !t.is_priority;
		default:
			return t.status === status;
	}
}

function inRange(value: string | null, gte: string | undefined, lte: string | undefined): boolean {
	if (gte === undefined && lte === undefined) return true;
	if (value === null) return false;
	return (gte === undefined || value >= gte) && (lte === undefined || value <= lte);
}

/** GET /tickets */
export const listTickets: Handler = ({ state, query, nowMs }) => {
	const p = toParams(query);
	const check = new Checker();
	const contactId = check.int(p, 'filter_contact_id_equals');
	const channelId = check.int(p, 'filter_channel_id_equals');
	const orderId = check.int(p, 'filter_sales_order_id_equals');
	const ownerId = check.int(p, 'filter_owner_user_id_equals');
	const sellerOrderId = check.str(p, 'filter_seller_order_id_equals');
	const status = check.oneOf(p, 'filter_status_equals', TICKET_STATUSES_WIDE);
	const type = check.oneOf(p, 'filter_type_equals', TICKET_TYPES);
	const createdGte = readDateBound(check, p, 'filter_created_at_gte', 'gte');
	const createdLte = readDateBound(check, p, 'filter_created_at_lte', 'lte');
	const updatedGte = readDateBound(check, p, 'filter_last_updated_at_gte', 'gte');
	const updatedLte = readDateBound(check, p, 'filter_last_updated_at_lte', 'lte');
	const filtered = [...state.tickets.values()].filter((t) => {
		if (contactId !== undefined && t.contact_id !== contactId) return false;
		if (channelId !== undefined && t.channel_id !== channelId) return false;
		if (orderId !== undefined && t.sales_order_id !== orderId) return false;
		if (ownerId !== undefined && t.owner_user_id !== ownerId) return false;
		if (status !== undefined && !matchesStatus(t, status)) return false;
		if (type !== undefined && t.type !== type) return false;
		if (sellerOrderId !== undefined) {
			const order = t.sales_order_id === null ? undefined : state.salesOrders.get(t.sales_order_id);
			if (order?.seller_order_id !== sellerOrderId) return false;
		}
		if (!inRange(t.created_at, createdGte, createdLte)) return false;
		return inRange(ticketLastUpdatedAt(state, t), updatedGte, updatedLte);
	});
	const sorted = sortByQuery(filtered, query, check, (t, key) =>
		key === 'id' ? t.id : key === 'created_at' ? t.created_at : ticketLastUpdatedAt(state, t),
	);
	check.done();
	return listResponse(sorted, query, (t) => toTicket(state, t, nowMs));
};
