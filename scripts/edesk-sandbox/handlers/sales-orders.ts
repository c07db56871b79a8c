/** Sales order routes (edesk-api.md §2.3): list with filters, get, create, update, delete. */
import type { Handler, HandlerContext } from '../context';
import { badTimeString, dataResponse, deletedResponse } from '../envelopes';
import { DELIVERY_TYPES, SALES_ORDER_STATUSES } from '../enums';
import { listResponse, sortByQuery, toParams } from '../pagination';
import { nextId, type SandboxState } from '../store';
import { isDateOnly, toTimestamp } from '../time';
import type { Channel, JsonObject, SalesOrderRecord } from '../types';
import { Checker, must } from '../validate';
import { toSalesOrder } from '../views';
import {
	readAddress,
	readDeliveryDates,
	readItems,
	readTrackingCodes,
	toStoredItem,
	type ItemInput,
} from './sales-order-input';
import {
	mergeCustomFields,
	readContactInput,
	readCustomFields,
	readRef,
	requireRecord,
	upsertContact,
} from './shared';

function orderResponse(ctx: HandlerContext, order: SalesOrderRecord): Response {
	return dataResponse(toSalesOrder(ctx.state, order));
}

/** A date filter bound; anything but `YYYY-MM-DD` is the observed 500 (S5). */
function dateBound(
	p: Record<string, string>,
	key: string,
	bound: 'gte' | 'lte',
): string | undefined {
	const v = p[key];
	if (v === undefined || v === '') return undefined;
	if (!isDateOnly(v)) throw badTimeString(v);
	return bound === 'gte' ? `${v} 00:00:00` : `${v} 23:59:59`;
}

function within(value: string | null, gte?: string, lte?: string): boolean {
	if (gte === undefined && lte === undefined) return true;
	return (
		value !== null && (gte === undefined || value >= gte) && (lte === undefined || value <= lte)
	);
}

/** GET /sales-orders */
export const listSalesOrders: Handler = ({ state, query }) => {
	const p = toParams(query);
	const check = new Checker();
	const contactId = check.int(p, 'filter_contact_id_equals');
	const channelId = check.int(p, 'filter_channel_id_equals');
	const sellerOrderId = check.str(p, 'filter_seller_order_id_equals');
	const status = check.oneOf(p, 'filter_status_equals', SALES_ORDER_STATUSES);
	const idGte = check.int(p, 'filter_id_gte');
	const idLte = check.int(p, 'filter_id_lte');
	const [cGte, cLte] = [
		dateBound(p, 'filter_created_at_gte', 'gte'),
		dateBound(p, 'filter_created_at_lte', 'lte'),
	];
	const [uGte, uLte] = [
		dateBound(p, 'filter_last_updated_at_gte', 'gte'),
		dateBound(p, 'filter_last_updated_at_lte', 'lte'),
	];
	const filtered = [...state.salesOrders.values()].filter(
		(o) =>
			(contactId === undefined || o.contact_id === contactId) &&
			(channelId === undefined || o.channel_id === channelId) &&
			(sellerOrderId === undefined || o.seller_order_id === sellerOrderId) &&
			(status === undefined || o.status === status) &&
			(idGte === undefined || o.id >= idGte) &&
			(idLte === undefined || o.id <= idLte) &&
			within(o.created_at, cGte, cLte) &&
			within(o.last_updated_at, uGte, uLte),
	);
	const sorted = sortByQuery(filtered, query, check, (o, key) => o[key]);
	check.done();
	return listResponse(sorted, query, (o) => toSalesOrder(state, o));
};

/** GET /sales-orders/{id} */
export const getSalesOrder: Handler = (ctx) =>
	orderResponse(ctx, requireRecord(ctx.state.salesOrders, ctx.id, 'Sales order'));

/** The id of an existing product with this SKU on the channel, else a new one. */
function productIdFor(state: SandboxState, channelId: number, sku: string): number {
	for (const o of state.salesOrders.values()) {
		if (o.channel_id !== channelId) continue;
		const item = o.order_items.find((i) => i.product.sku === sku);
		if (item) return item.product.id;
	}
	return nextId(state, 'product');
}

function readCurrency(check: Checker, body: JsonObject, required: boolean): string | undefined {
	const currency = check.str(body, 'currency', 'currency', { required })?.toUpperCase();
	if (currency === undefined || /^[A-Z]{3}$/.test(currency)) return currency;
	return check.fail('currency', '4007');
}

/** Reads the fields shared by create and update (all optional here). */
function readCommon(check: Checker, body: JsonObject, state: SandboxState, creating: boolean) {
	return {
		status: check.oneOf(body, 'status', SALES_ORDER_STATUSES, { required: creating }),
		shipping: check.num(body, 'shipping_amount', 'shipping_amount', { required: creating }),
		contactId: readRef(check, body, 'contact_id', state.contacts),
		shipTo: readAddress(check, body, 'ship_to', creating),
		billTo: readAddress(check, body, 'bill_to', false),
		tracking: readTrackingCodes(check, body),
		dates: readDeliveryDates(check, body),
		orderCreatedAt: check.timestamp(body, 'order_created_at'),
		orderShippedAt: check.timestamp(body, 'order_shipped_at'),
		deliveryType: check.oneOf(body, 'delivery_type', DELIVERY_TYPES),
		customFields: readCustomFields(check, body, state, { entity: 'sales_order' }),
	};
}

/** POST /sales-orders */
export const createSalesOrder: Handler = (ctx) => {
	const { state, body, nowMs } = ctx;
	const check = new Checker();
	const channelId = readRef(check, body, 'channel_id', state.channels, true);
	const sellerOrderId = check.str(body, 'seller_order_id', 'seller_order_id', {
		required: true,
		max: 255,
	});
	const currency = readCurrency(check, body, true);
	const items = readItems(check, body, { required: true, forUpdate: false });
	const c = readCommon(check, body, state, true);
	const contactInput = c.contactId === undefined ? readContactInput(check, body) : undefined;
	if (body.contact_id == null && body.contact == null) check.fail('contact_id', '4001');
	const duplicate = [...state.salesOrders.values()].some(
		(o) => o.channel_id === channelId && o.seller_order_id === sellerOrderId,
	);
	if (duplicate) check.fail('seller_order_id', '4003');
	check.done();
	const channel: Channel = {
		...must(state.channels.get(must(channelId))),
		currency: must(currency),
	};
	const toItem = (input: ItemInput) =>
		toStoredItem(
			input,
			{ item: nextId(state, 'orderItem'), product: productIdFor(state, channel.id, input.sku) },
			channel,
		);
	const now = toTimestamp(nowMs);
	const order: SalesOrderRecord = {
		id: nextId(state, 'salesOrder'),
		channel_id: channel.id,
		seller_order_id: must(sellerOrderId),
		status: must(c.status),
		order_items: must(items).map(toItem),
		shipping_amount: must(c.shipping),
		ship_to: must(c.shipTo),
		bill_to: c.billTo ?? null,
		contact_id: c.contactId ?? upsertContact(state, must(contactInput), channel.id),
		tracking_codes: c.tracking ?? [],
		created_at: now,
		last_updated_at: c.orderShippedAt ?? c.orderCreatedAt ?? now,
		sales_order_delivery_dates: c.dates ?? null,
		order_created_at: c.orderCreatedAt ?? now,
		order_shipped_at: c.orderShippedAt ?? null,
		delivery_type: c.deliveryType ?? null,
		custom_fields: c.customFields ?? [],
	};
	state.salesOrders.set(order.id, order);
	return orderResponse(ctx, order);
};

/** PUT /sales-orders/{id}: the create fields minus `seller_order_id`/`contact`; items need their id. */
export const updateSalesOrder: Handler = (ctx) => {
	const { state, body, nowMs } = ctx;
	const order = requireRecord(state.salesOrders, ctx.id, 'Sales order');
	const check = new Checker();
	const channelId = readRef(check, body, 'channel_id', state.channels);
	const currency = readCurrency(check, body, false);
	const items = readItems(check, body, { required: false, forUpdate: true });
	const c = readCommon(check, body, state, false);
	items?.forEach((item, i) => {
		if (!order.order_items.some((existing) => existing.id === item.id)) {
			check.fail(`order_items.${String(i)}.id`, '4017');
		}
	});
	check.done();
	if (channelId !== undefined) order.channel_id = channelId;
	const channel = must(state.channels.get(order.channel_id));
	const itemCurrency = currency ?? order.order_items[0]?.product.currency ?? channel.currency;
	for (const input of items ?? []) {
		const index = order.order_items.findIndex((existing) => existing.id === input.id);
		const current = must(order.order_items[index]);
		const productId =
			current.product.sku === input.sku
				? current.product.id
				: productIdFor(state, channel.id, input.sku);
		order.order_items[index] = toStoredItem(
			input,
			{ item: current.id, product: productId },
			{ ...channel, currency: itemCurrency },
		);
	}
	if (c.status !== undefined) order.status = c.status;
	if (c.shipping !== undefined) order.shipping_amount = c.shipping;
	if (c.contactId !== undefined) order.contact_id = c.contactId;
	if (c.shipTo) order.ship_to = c.shipTo;
	if (c.billTo) order.bill_to = c.billTo;
	if (c.tracking) order.tracking_codes = c.tracking;
	if (c.dates) order.sales_order_delivery_dates = c.dates;
	if (c.orderCreatedAt !== undefined) order.order_created_at = c.orderCreatedAt;
	if (c.orderShippedAt !== undefined) order.order_shipped_at = c.orderShippedAt;
	if (c.deliveryType !== undefined) order.delivery_type = c.deliveryType;
	if (c.customFields) order.custom_fields = mergeCustomFields(order.custom_fields, c.customFields);
	order.last_updated_at = toTimestamp(nowMs);
	return orderResponse(ctx, order);
};

/** DELETE /sales-orders/{id}: removes the order and its notes. */
export const deleteSalesOrder: Handler = ({ state, id }) => {
	requireRecord(state.salesOrders, id, 'Sales order');
	state.salesOrders.delete(id);
	for (const note of [...state.orderNotes.values()]) {
		if (note.sales_order_id === id) state.orderNotes.delete(note.id);
	}
	return deletedResponse('Sales order deleted');
};
