/** Sales-order tracking links (edesk-api.md §2, ops 16–19): GET lists, POST appends, PUT replaces
 * (both return the full SalesOrder), DELETE clears all. Links live in the order's tracking_codes. */
import type { Handler } from '../context';
import { dataResponse, deletedResponse } from '../envelopes';
import type { JsonObject, TrackingCode } from '../types';
import { Checker, isObject } from '../validate';
import { toSalesOrder } from '../views';
import { requireRecord } from './shared';

const CARRIER_NAME_MAX_CHARS = 64;
const CODE_PARAMS = ['tracknum', 'tLabels', 'trknbr', 'tracking_number', 'trackingNumber', 'id'];

/** Best-effort tracking code from a carrier link: a known query parameter, else the last segment. */
export function toTrackingCode(link: string): string {
	try {
		const url = new URL(link);
		for (const name of CODE_PARAMS) {
			const value = url.searchParams.get(name);
			if (value) return value;
		}
		const segments = `${url.pathname}/${url.hash.replace(/^#/, '')}`.split('/').filter(Boolean);
		return segments.at(-1) ?? '';
	} catch {
		return '';
	}
}

function readLinks(body: JsonObject): TrackingCode[] {
	const check = new Checker();
	const list = check.arr(body, 'tracking_links', 'tracking_links', { required: true });
	const out: TrackingCode[] = [];
	list?.forEach((item, i) => {
		const path = `tracking_links.${String(i)}`;
		if (!isObject(item)) return check.fail(path, '4006');
		const link = check.str(item, 'tracking_link', `${path}.tracking_link`, {
			required: true,
			max: 1024,
		});
		const carrier = check.str(item, 'tracking_carrier_name', `${path}.tracking_carrier_name`, {
			max: CARRIER_NAME_MAX_CHARS,
		});
		if (link === undefined) return undefined;
		out.push({
			tracking_code: toTrackingCode(link),
			tracking_link: link,
			tracking_carrier_name: carrier ?? null,
		});
		return undefined;
	});
	check.done();
	return out;
}

/** GET /sales-orders-tracking-links/{id} */
export const getTrackingLinks: Handler = ({ state, id }) => {
	const order = requireRecord(state.salesOrders, id, 'Sales order');
	const tracking_links = order.tracking_codes.map(({ tracking_link, tracking_carrier_name }) => ({
		tracking_link,
		tracking_carrier_name,
	}));
	return dataResponse({ tracking_links });
};

/** POST /sales-orders-tracking-links/{id}: append. */
export const addTrackingLinks: Handler = ({ state, id, body }) => {
	const order = requireRecord(state.salesOrders, id, 'Sales order');
	order.tracking_codes = [...order.tracking_codes, ...readLinks(body)];
	return dataResponse(toSalesOrder(state, order));
};

/** PUT /sales-orders-tracking-links/{id}: replace all. */
export const replaceTrackingLinks: Handler = ({ state, id, body }) => {
	const order = requireRecord(state.salesOrders, id, 'Sales order');
	order.tracking_codes = readLinks(body);
	return dataResponse(toSalesOrder(state, order));
};

/** DELETE /sales-orders-tracking-links/{id}: clear all (no per-link delete exists). */
export const clearTrackingLinks: Handler = ({ state, id }) => {
	const order = requireRecord(state.salesOrders, id, 'Sales order');
	order.tracking_codes = [];
	return deletedResponse('Tracking links deleted');
};
