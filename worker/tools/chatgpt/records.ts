/** eDesk tickets and sales orders as ChatGPT search/fetch records: typed ids, titles, the url rule, HTML to text. Pure. */

/** A JSON object as eDesk sends it, read defensively. */
export type Rec = Record<string, unknown>;

/** What search and fetch return records of. */
export type RecordKind = 'ticket' | 'sales_order';

/** A search result id, e.g. `ticket:701581498` or `sales_order:3777826195` (eDesk ids are int64). */
export interface TypedId {
	kind: RecordKind;
	/** The eDesk id, kept as its decimal digits (never through a JS number). */
	id: string;
}

const TYPED_ID = /^(ticket|sales_order):([1-9]\d{0,18})$/;

/** The typed id in `value`, or undefined when it is not one. */
export function parseTypedId(value: string): TypedId | undefined {
	const m = TYPED_ID.exec(value.trim());
	return m ? { kind: m[1] as RecordKind, id: m[2] ?? '' } : undefined;
}

export function toTypedId(kind: RecordKind, id: string): string {
	return `${kind}:${id}`;
}

export const asRec = (v: unknown): Rec | undefined =>
	typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : undefined;

export const asRecs = (v: unknown): Rec[] =>
	Array.isArray(v)
		? v.flatMap((x: unknown): Rec[] => {
				const r = asRec(x);
				return r ? [r] : [];
			})
		: [];

/** A non-empty trimmed string, else undefined. */
export function asStr(v: unknown): string | undefined {
	if (typeof v !== 'string') return undefined;
	const s = v.trim();
	return s === '' ? undefined : s;
}

/** An eDesk id (a positive integer, or its digits) as a decimal string. */
export function asId(v: unknown): string | undefined {
	if (typeof v === 'number' && Number.isInteger(v) && v > 0) return String(v);
	if (typeof v === 'string' && /^[1-9]\d{0,18}$/.test(v)) return v;
	return undefined;
}

/** A number or numeric string as text (amounts, quantities). */
export function asNum(v: unknown): string | undefined {
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return v.trim();
	return undefined;
}

/** The newest of a record's timestamps ("YYYY-MM-DD HH:MM:SS" sorts as text), for ranking. */
export function recencyOf(r: Rec): string {
	return asStr(r['last_updated_at']) ?? asStr(r['created_at']) ?? '';
}

/** `Ticket 701581498 (Open): Where is my order? …` */
export function ticketTitle(t: Rec): string {
	const status = asStr(t['status']);
	const subject = asStr(t['subject']) ?? '(no subject)';
	return `Ticket ${asId(t['id']) ?? '?'}${status ? ` (${status})` : ''}: ${clip(subject, 200)}`;
}

/** `Sales order 3777826195 (InTransit): 113-4567890-1234567` */
export function orderTitle(o: Rec): string {
	const status = asStr(o['status']);
	const seller = asStr(o['seller_order_id']);
	const head = `Sales order ${asId(o['id']) ?? '?'}${status ? ` (${status})` : ''}`;
	return seller ? `${head}: ${clip(seller, 100)}` : head;
}

/**
 * The url of a ticket: exactly eDesk's `uri` ("Ticket URL") when it is an absolute http(s) URL, else
 * '' (ChatGPT then keeps the result as plain output instead of citing it). Never built by us.
 */
export function ticketUrl(t: Rec | undefined): string {
	const uri = t ? asStr(t['uri']) : undefined;
	if (uri === undefined) return '';
	try {
		const url = new URL(uri);
		return url.protocol === 'https:' || url.protocol === 'http:' ? uri : '';
	} catch {
		return '';
	}
}

/** `s` cut to at most `max` characters, with an ellipsis when cut. */
export function clip(s: string, max: number): string {
	return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	rsquo: '’',
	lsquo: '‘',
	rdquo: '”',
	ldquo: '“',
	euro: '€',
	pound: '£',
	copy: '©',
	reg: '®',
	deg: '°',
};

function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code =
				body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1));
			const ok = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
			return ok ? String.fromCodePoint(code) : whole;
		}
		return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
	});
}

/** A message body (HTML or plain text) as plain text: tags dropped, blocks on their own lines, entities decoded. */
export function htmlToText(html: string): string {
	const text = html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<li\b[^>]*>/gi, '\n- ')
		.replace(/<\/(p|div|tr|table|ul|ol|h[1-6]|blockquote)\s*>/gi, '\n')
		.replace(/<[^>]*>/g, '');
	return decodeEntities(text)
		.replace(/[ \t\f\v\u00a0]+/g, ' ')
		.replace(/ ?\n ?/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** Lower-case words of `s` (letters and digits), for matching a query against subjects. */
export function words(s: string): string[] {
	return s
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length >= 2);
}

/** The embedded or fetched sales order's item lines: `1 × Title (SKU)`. */
export function orderItems(o: Rec): string[] {
	return asRecs(o['order_items']).map((item) => {
		const product = asRec(item['product']) ?? {};
		const title = asStr(product['title']) ?? 'item';
		const sku = asStr(product['sku']);
		return `${asNum(item['quantity']) ?? '1'} × ${clip(title, 120)}${sku ? ` (${sku})` : ''}`;
	});
}

/** The order's currency (eDesk puts it on each product, not on the order). */
export function orderCurrency(o: Rec): string | undefined {
	for (const item of asRecs(o['order_items'])) {
		const currency = asStr(asRec(item['product'])?.['currency']);
		if (currency) return currency;
	}
	return undefined;
}

/** `UPS 1Z999AA10123456784 https://…` per tracking code. */
export function orderTracking(o: Rec): string[] {
	return asRecs(o['tracking_codes']).flatMap((t) => {
		const parts = [
			asStr(t['tracking_carrier_name']),
			asStr(t['tracking_code'])?.replace(/^['"]+|['"]+$/g, ''),
			asStr(t['tracking_link']),
		].filter((p): p is string => p !== undefined);
		return parts.length > 0 ? [parts.join(' ')] : [];
	});
}

/** `Seattle, WA, US` from the ship-to address: city, state and country only, never the street. */
export function shipToPlace(o: Rec): string | undefined {
	const to = asRec(o['ship_to']);
	if (!to) return undefined;
	const parts = [asStr(to['city']), asStr(to['state']), asStr(to['country'])].filter(
		(p): p is string => p !== undefined,
	);
	return parts.length > 0 ? parts.join(', ') : undefined;
}

/** `2026-11-17 – 2026-11-19` from sales_order_delivery_dates. */
export function expectedDelivery(o: Rec): string | undefined {
	const dates = asRec(o['sales_order_delivery_dates']);
	const from = asStr(dates?.['expected_delivery_from'])?.slice(0, 10);
	const to = asStr(dates?.['expected_delivery_to'])?.slice(0, 10);
	if (from && to) return from === to ? from : `${from} – ${to}`;
	return from ?? to;
}

/** The essentials of a sales order as text lines (status, items, totals, ship-to place, tracking). */
export function orderLines(o: Rec): string[] {
	const lines: string[] = [];
	const seller = asStr(o['seller_order_id']);
	const currency = orderCurrency(o);
	const money = (v: unknown): string | undefined => {
		const n = asNum(v);
		return n === undefined ? undefined : currency ? `${n} ${currency}` : n;
	};
	lines.push(
		`Sales order ${asId(o['id']) ?? '?'}${seller ? ` (marketplace order ${seller})` : ''}: ${asStr(o['status']) ?? 'unknown status'}`,
	);
	const items = orderItems(o);
	if (items.length > 0) lines.push(`Items: ${items.join('; ')}`);
	const amounts = [
		money(o['total_amount']) && `total ${money(o['total_amount'])}`,
		money(o['shipping_amount']) && `shipping ${money(o['shipping_amount'])}`,
	].filter(Boolean);
	if (amounts.length > 0) lines.push(`Amounts: ${amounts.join(', ')}`);
	const place = shipToPlace(o);
	if (place) lines.push(`Ship to: ${place}`);
	const dates = [
		asStr(o['order_created_at']) && `ordered ${asStr(o['order_created_at'])}`,
		asStr(o['order_shipped_at']) && `shipped ${asStr(o['order_shipped_at'])}`,
		expectedDelivery(o) && `expected ${expectedDelivery(o)}`,
		asStr(o['delivery_type']) && `delivery ${asStr(o['delivery_type'])}`,
	].filter(Boolean);
	if (dates.length > 0) lines.push(`Dates: ${dates.join(', ')}`);
	const tracking = orderTracking(o);
	lines.push(tracking.length > 0 ? `Tracking: ${tracking.join('; ')}` : 'Tracking: none');
	return lines;
}

/** `Daniel Okafor <k7x2…@marketplace.amazon.com> (contact 3478494326)` */
export function contactLine(contact: Rec | undefined, contactId: string | undefined): string {
	if (!contactId) return 'Customer: none';
	const name = contact ? asStr(contact['full_name']) : undefined;
	const email = contact ? asStr(contact['email']) : undefined;
	const who = [name, email && `<${email}>`].filter(Boolean).join(' ');
	return `Customer: ${who ? `${who} ` : ''}(contact ${contactId})`;
}

/**
 * What a server's search and fetch may read, from its tag filter: tickets (with their messages) and
 * sales orders. Contacts are read by both (the contacts tool carries both tags).
 */
export interface Scope {
	tickets: boolean;
	orders: boolean;
}
