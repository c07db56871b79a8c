/** Request-body readers for sales orders (edesk-api.md §2.3): order items, addresses, tracking
 * codes, delivery dates. Validation only plus pure builders; never touches the store. */
import { toCountryName, toMarketplaceLink } from '../seed-products';
import type { Address, Channel, JsonObject, OrderItem, Product, TrackingCode } from '../types';
import { Checker, isObject } from '../validate';

const CARRIER_NAME_MAX_CHARS = 64;

/** A validated order line, before ids are assigned. */
export interface ItemInput {
	id?: number;
	sku: string;
	title: string;
	quantity: number;
	item_amount: number;
	shipping_amount: number;
	product_image_url: string | null;
	brand: string | null;
	dimensions: string | null;
	weight: number | null;
}

function readItem(
	check: Checker,
	item: unknown,
	path: string,
	forUpdate: boolean,
): ItemInput | undefined {
	if (!isObject(item)) return check.fail(path, '4006');
	const id = forUpdate ? check.int(item, 'id', `${path}.id`, { required: true }) : undefined;
	const sku = check.str(item, 'sku', `${path}.sku`, { required: true, max: 255 });
	const title = check.str(item, 'title', `${path}.title`, { required: true, max: 255 });
	const quantity = check.int(item, 'quantity', `${path}.quantity`, { required: true });
	const itemAmount = check.num(item, 'item_amount', `${path}.item_amount`, { required: true });
	const shipping = check.num(item, 'shipping_amount', `${path}.shipping_amount`, {
		required: true,
	});
	const image = check.url(item, 'product_image_url', `${path}.product_image_url`, { code: '4012' });
	const brand = check.str(item, 'brand', `${path}.brand`, { max: 255 });
	const dimensions = check.str(item, 'dimensions', `${path}.dimensions`, { max: 64 });
	const weight = forUpdate
		? check.str(item, 'weight', `${path}.weight`)
		: check.num(item, 'weight', `${path}.weight`);
	if (sku === undefined || title === undefined || quantity === undefined) return undefined;
	if (itemAmount === undefined || shipping === undefined) return undefined;
	return {
		...(id === undefined ? {} : { id }),
		sku,
		title,
		quantity,
		item_amount: itemAmount,
		shipping_amount: shipping,
		product_image_url: image ?? null,
		brand: brand ?? null,
		dimensions: dimensions ?? null,
		weight: weight === undefined ? null : Number(weight) || null,
	};
}

/** Reads `order_items` (4001 when required and missing or empty, 4006 when not an array). */
export function readItems(
	check: Checker,
	body: JsonObject,
	opts: { required: boolean; forUpdate: boolean },
): ItemInput[] | undefined {
	const list = check.arr(body, 'order_items', 'order_items', { required: opts.required });
	if (list === undefined) return undefined;
	if (list.length === 0 && opts.required) return check.fail('order_items', '4001');
	const out: ItemInput[] = [];
	list.forEach((item, i) => {
		const read = readItem(check, item, `order_items.${String(i)}`, opts.forUpdate);
		if (read) out.push(read);
	});
	return out;
}

/** Builds a stored order line; the product id is reused per SKU and channel by the caller. */
export function toStoredItem(
	input: ItemInput,
	ids: { item: number; product: number },
	channel: Channel,
): OrderItem {
	const product: Product = {
		id: ids.product,
		sku: input.sku,
		title: input.title,
		brand: input.brand,
		dimensions: input.dimensions,
		weight: input.weight,
		product_image_url: input.product_image_url,
		marketplace_link: toMarketplaceLink(channel.type, channel.country, input.sku),
		price: input.item_amount,
		currency: channel.currency,
	};
	return {
		id: ids.item,
		product,
		quantity: input.quantity,
		end_price: Math.round(input.item_amount * input.quantity * 100) / 100,
		item_shipping_amount: input.shipping_amount,
	};
}

/** Reads an AddressRequest `{name*, line_1*, city*, country* (alpha-2), postcode*, …}`. */
export function readAddress(
	check: Checker,
	body: JsonObject,
	key: string,
	required: boolean,
): Address | undefined {
	const a = check.obj(body, key, key, { required });
	if (a === undefined) return undefined;
	const field = (name: string, req: boolean): string | undefined =>
		check.str(a, name, `${key}.${name}`, { required: req, max: 255 });
	const name = field('name', true);
	const line1 = field('line_1', true);
	const city = field('city', true);
	const postcode = field('postcode', true);
	const line2 = field('line_2', false);
	const state = field('state', false);
	const county = field('county', false);
	let country = check.str(a, 'country', `${key}.country`, { required: true })?.toUpperCase();
	if (country !== undefined && !/^[A-Z]{2}$/.test(country))
		country = check.fail(`${key}.country`, '4007');
	if (!name || !line1 || !city || !postcode || !country) return undefined;
	return {
		name,
		line_1: line1,
		line_2: line2 ?? null,
		city,
		state: state ?? null,
		county: county ?? null,
		country,
		postcode,
		country_name: toCountryName(country),
	};
}

/** Reads `tracking_codes:[{tracking_code*, tracking_carrier_name* (≤64), tracking_carrier_link}]`;
 * a literal `(tracking_code)` in the link is replaced by the code. */
export function readTrackingCodes(check: Checker, body: JsonObject): TrackingCode[] | undefined {
	const list = check.arr(body, 'tracking_codes');
	if (list === undefined) return undefined;
	const out: TrackingCode[] = [];
	list.forEach((item, i) => {
		const path = `tracking_codes.${String(i)}`;
		if (!isObject(item)) return check.fail(path, '4006');
		const code = check.str(item, 'tracking_code', `${path}.tracking_code`, {
			required: true,
			max: 255,
		});
		const carrier = check.str(item, 'tracking_carrier_name', `${path}.tracking_carrier_name`, {
			required: true,
			max: CARRIER_NAME_MAX_CHARS,
		});
		const link = check.str(item, 'tracking_carrier_link', `${path}.tracking_carrier_link`, {
			max: 1024,
		});
		if (code === undefined || carrier === undefined) return undefined;
		out.push({
			tracking_code: code,
			tracking_link: link === undefined ? null : link.replace('(tracking_code)', code),
			tracking_carrier_name: carrier,
		});
		return undefined;
	});
	return out;
}

/** Reads `sales_order_delivery_dates{expected_delivery_from, expected_delivery_to}` (4010). */
export function readDeliveryDates(
	check: Checker,
	body: JsonObject,
): { expected_delivery_from: string | null; expected_delivery_to: string | null } | undefined {
	const d = check.obj(body, 'sales_order_delivery_dates');
	if (d === undefined) return undefined;
	const key = 'sales_order_delivery_dates';
	const from = check.timestamp(d, 'expected_delivery_from', `${key}.expected_delivery_from`);
	const to = check.timestamp(d, 'expected_delivery_to', `${key}.expected_delivery_to`);
	return { expected_delivery_from: from ?? null, expected_delivery_to: to ?? null };
}
