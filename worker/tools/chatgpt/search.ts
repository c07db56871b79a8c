/**
 * ChatGPT `search` over eDesk tickets and sales orders. eDesk has no full-text search, so a query is
 * read as what it looks like and answered from eDesk's filters with at most SEARCH_MAX_CALLS requests
 * (README "ChatGPT search and fetch" has the algorithm):
 * - `ticket:<n>` / `sales_order:<n>`: that record;
 * - an integer: ticket <n>, sales order <n>, and sales orders whose marketplace order id is <n>;
 * - one token with a digit (`113-4567890-1234567`, `#NW1042`): tickets and sales orders with that
 *   marketplace order id, and recent tickets whose subject holds it;
 * - an email: the contacts with it, then their tickets and sales orders;
 * - other words: contacts found by full text, then their tickets and sales orders, and the 100 most
 *   recently updated tickets matched on subject (and order item) words.
 * A sales order's url is its ticket's `uri` when that ticket was read, else ''.
 */
import type { EdeskClient } from '../../proxy/edesk-client';
import type { ToolRunOutcome, ToolSpec } from '../tool-spec';
import { jsonResult } from '../tool-error';
import { createReader, settle, UpstreamStop, type Reader } from './reader';
import {
	asId,
	asRec,
	asRecs,
	asStr,
	orderTitle,
	parseTypedId,
	recencyOf,
	ticketTitle,
	ticketUrl,
	toTypedId,
	words,
	type Rec,
	type Scope,
} from './records';

/** Most results one search returns. */
export const SEARCH_MAX_RESULTS = 10;
/** Most eDesk requests one search makes (eDesk's bucket: 60 burst, 2/s refill). */
export const SEARCH_MAX_CALLS = 4;
/** How many of the most recently updated tickets a word query is matched against (one page). */
export const SEARCH_RECENT_TICKETS = 100;
/** Longest query read; the rest is ignored. */
export const SEARCH_QUERY_MAX_CHARS = 200;

const CONTACTS_MAX = 3;
const PER_CONTACT = '10';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INTEGER = /^#?([1-9]\d{0,18})$/;
const ORDER_TOKEN = /^(?=.*\d)[\p{L}\p{N}#._/-]{3,64}$/u;
const NEWEST = { order_by: 'last_updated_at', order_direction: 'desc' } as const;
const STOPWORDS = new Set(
	(
		'a an and any are as at be by can could did do does for from get got had has have hello hi how i ' +
		'in is it its me my of on or our please she he so that the their them there they this to was we ' +
		'were what when where which who why will with would you your'
	).split(' '),
);

// Scores: the higher, the surer the match; ties go to the most recently updated record.
const BY_ID = 100;
const BY_MARKETPLACE_ID = 90;
const BY_EMAIL = 70;
const BY_CONTACT = 60;
const SUBJECT_HOLDS_TOKEN = 40;

interface Hit {
	rec: Rec;
	score: number;
}

/** What one search found, deduplicated by record, plus every ticket it read (for order urls). */
class Found {
	readonly tickets = new Map<string, Hit>();
	readonly orders = new Map<string, Hit>();
	readonly ticketsRead = new Map<string, Rec>();

	constructor(readonly scope: Scope) {}

	ticket(rec: Rec | undefined, score: number): void {
		const id = asId(rec?.['id']);
		if (!rec || !id || !this.scope.tickets) return;
		this.ticketsRead.set(id, rec);
		keepBest(this.tickets, id, rec, score);
	}

	order(rec: Rec | undefined, score: number): void {
		const id = asId(rec?.['id']);
		if (!rec || !id || !this.scope.orders) return;
		keepBest(this.orders, id, rec, score);
	}

	/** The best SEARCH_MAX_RESULTS results, each exactly {id, title, url}. */
	results(): { id: string; title: string; url: string }[] {
		const ranked = [
			...[...this.tickets].map(([id, { rec, score }]) => ({
				id: toTypedId('ticket', id),
				title: ticketTitle(rec),
				url: ticketUrl(rec),
				score,
				at: recencyOf(rec),
			})),
			...[...this.orders].map(([id, { rec, score }]) => ({
				id: toTypedId('sales_order', id),
				title: orderTitle(rec),
				url: ticketUrl(this.ticketsRead.get(asId(rec['ticket_id']) ?? '')),
				score,
				at: recencyOf(rec),
			})),
		];
		ranked.sort(
			(a, b) =>
				b.score - a.score ||
				(a.at < b.at ? 1 : a.at > b.at ? -1 : 0) ||
				(a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
		);
		return ranked.slice(0, SEARCH_MAX_RESULTS).map(({ id, title, url }) => ({ id, title, url }));
	}
}

function keepBest(map: Map<string, Hit>, id: string, rec: Rec, score: number): void {
	const had = map.get(id);
	if (!had || had.score < score) map.set(id, { rec, score });
}

/** Runs one search; `{"results":[…]}` or the isError result of the first eDesk failure. */
export async function runSearch(
	spec: ToolSpec,
	query: string,
	edesk: EdeskClient,
	scope: Scope,
): Promise<ToolRunOutcome> {
	const q = query.replace(/\s+/g, ' ').trim().slice(0, SEARCH_QUERY_MAX_CHARS).trim();
	const reader = createReader(edesk, spec, SEARCH_MAX_CALLS);
	const found = new Found(scope);
	try {
		await plan(q, reader, found);
		await readOrderTickets(reader, found);
	} catch (error) {
		if (error instanceof UpstreamStop) return error.outcome;
		throw error;
	}
	return { result: jsonResult({ results: found.results() }) };
}

function plan(q: string, r: Reader, f: Found): Promise<void> {
	const typed = parseTypedId(q);
	if (typed) {
		return typed.kind === 'ticket'
			? lookupTicket(r, f, typed.id, BY_ID)
			: lookupOrder(r, f, typed.id, BY_ID);
	}
	if (q === '') return newest(r, f);
	if (EMAIL.test(q)) return byEmail(q, r, f);
	const integer = INTEGER.exec(q);
	if (integer) return byInteger(integer[1] ?? '', q, r, f);
	if (ORDER_TOKEN.test(q)) return byOrderToken(q, r, f);
	return byWords(q, r, f);
}

async function lookupTicket(r: Reader, f: Found, id: string, score: number): Promise<void> {
	if (f.scope.tickets) f.ticket(await r.one(`/tickets/${id}`, true), score);
}

async function lookupOrder(r: Reader, f: Found, id: string, score: number): Promise<void> {
	if (f.scope.orders) f.order(await r.one(`/sales-orders/${id}`, true), score);
}

/** An empty query: the most recently updated tickets (sales orders on an orders-only server). */
async function newest(r: Reader, f: Found): Promise<void> {
	const query = { ...NEWEST, itemsPerPage: String(SEARCH_MAX_RESULTS) };
	if (f.scope.tickets) for (const t of await r.list('/tickets', query)) f.ticket(t, 1);
	else for (const o of await r.list('/sales-orders', query)) f.order(o, 1);
}

/** An integer: an eDesk ticket or sales order id, or a numeric marketplace order id (Walmart, eBay…). */
async function byInteger(id: string, raw: string, r: Reader, f: Found): Promise<void> {
	const seller = { filter_seller_order_id_equals: raw, itemsPerPage: PER_CONTACT };
	const calls = [lookupTicket(r, f, id, BY_ID), lookupOrder(r, f, id, BY_ID)];
	if (f.scope.orders) {
		calls.push(bySeller(r, f, seller));
	} else if (f.scope.tickets) {
		// Without the sales-order endpoints: the tickets of that order, by either of its ids.
		calls.push(ticketsWith(r, f, seller, BY_MARKETPLACE_ID));
		calls.push(
			ticketsWith(r, f, { filter_sales_order_id_equals: id, itemsPerPage: PER_CONTACT }, BY_ID - 5),
		);
	}
	await settle(calls);
}

/** One token with a digit: a marketplace order id, or a code in a ticket subject. */
async function byOrderToken(token: string, r: Reader, f: Found): Promise<void> {
	const seller = { filter_seller_order_id_equals: token, itemsPerPage: PER_CONTACT };
	const needle = token.toLowerCase();
	const calls: Promise<void>[] = [];
	if (f.scope.tickets) {
		calls.push(ticketsWith(r, f, seller, BY_MARKETPLACE_ID));
		calls.push(
			recentTickets(r, f, (t) =>
				(asStr(t['subject']) ?? '').toLowerCase().includes(needle) ? SUBJECT_HOLDS_TOKEN : 0,
			),
		);
	}
	if (f.scope.orders) calls.push(bySeller(r, f, seller));
	await settle(calls);
}

/** An email: the contacts with that address, then their tickets and sales orders. */
async function byEmail(email: string, r: Reader, f: Found): Promise<void> {
	const contacts = await r.list('/contacts', { email, itemsPerPage: String(CONTACTS_MAX) });
	await ofContacts(contacts, r, f, BY_EMAIL);
}

/** Words: contacts by eDesk's full-text contact search, and recent tickets by subject words. */
async function byWords(q: string, r: Reader, f: Found): Promise<void> {
	const wanted = [...new Set(words(q).filter((w) => !STOPWORDS.has(w)))];
	let contacts: Rec[] = [];
	const findContacts = async (): Promise<void> => {
		contacts = await r.list('/contacts', { fsf_query: q, itemsPerPage: String(CONTACTS_MAX) });
	};
	const calls = [findContacts()];
	if (wanted.length > 0) {
		if (f.scope.tickets) calls.push(recentTickets(r, f, (t) => wordScore(wanted, ticketWords(t))));
		else calls.push(recentOrders(r, f, (o) => wordScore(wanted, orderWords(o))));
	}
	await settle(calls);
	await ofContacts(contacts, r, f, BY_CONTACT);
}

/**
 * The tickets and sales orders of found contacts, newest first, within the calls left: the first
 * contact's tickets, then its orders, then the next contact's.
 */
async function ofContacts(contacts: Rec[], r: Reader, f: Found, score: number): Promise<void> {
	const calls: (() => Promise<void>)[] = [];
	for (const contact of contacts.slice(0, CONTACTS_MAX)) {
		const id = asId(contact['id']);
		if (!id) continue;
		const query = { filter_contact_id_equals: id, ...NEWEST, itemsPerPage: PER_CONTACT };
		if (f.scope.tickets) calls.push(() => ticketsWith(r, f, query, score));
		if (f.scope.orders)
			calls.push(async () => {
				for (const o of await r.list('/sales-orders', query)) f.order(o, score - 1);
			});
	}
	await settle(calls.slice(0, r.left).map((call) => call()));
}

async function ticketsWith(
	r: Reader,
	f: Found,
	query: Record<string, string>,
	score: number,
): Promise<void> {
	for (const t of await r.list('/tickets', query)) {
		f.ticket(t, score);
		// A ticket found by its order's marketplace id carries that order (eDesk embeds it).
		if (query['filter_seller_order_id_equals'] !== undefined)
			f.order(asRec(t['sales_order']), score);
	}
}

async function bySeller(r: Reader, f: Found, query: Record<string, string>): Promise<void> {
	for (const o of await r.list('/sales-orders', query)) f.order(o, BY_MARKETPLACE_ID);
}

async function recentTickets(r: Reader, f: Found, score: (t: Rec) => number): Promise<void> {
	const page = await r.list('/tickets', { ...NEWEST, itemsPerPage: String(SEARCH_RECENT_TICKETS) });
	for (const t of page) {
		const s = score(t);
		if (s > 0) f.ticket(t, s);
	}
}

async function recentOrders(r: Reader, f: Found, score: (o: Rec) => number): Promise<void> {
	const page = await r.list('/sales-orders', {
		...NEWEST,
		itemsPerPage: String(SEARCH_RECENT_TICKETS),
	});
	for (const o of page) {
		const s = score(o);
		if (s > 0) f.order(o, s);
	}
}

/**
 * With calls left (full scope): reads the ticket of each found sales order whose ticket is not known
 * yet, best first, so the order gets that ticket's url; the ticket is a result too.
 */
async function readOrderTickets(r: Reader, f: Found): Promise<void> {
	if (!f.scope.tickets || r.left <= 0) return;
	const wanted = [...f.orders.values()]
		.sort((a, b) => b.score - a.score)
		.flatMap(({ rec, score }) => {
			const ticketId = asId(rec['ticket_id']);
			return ticketId && !f.ticketsRead.has(ticketId) ? [{ ticketId, score }] : [];
		})
		.filter((w, i, all) => all.findIndex((x) => x.ticketId === w.ticketId) === i)
		.slice(0, r.left);
	await settle(wanted.map(({ ticketId, score }) => lookupTicket(r, f, ticketId, score - 5)));
}

/** Subject words of a ticket (weight 2) and words of its embedded order (weight 1). */
function ticketWords(t: Rec): { main: string[]; extra: string[] } {
	const order = asRec(t['sales_order']);
	return { main: words(asStr(t['subject']) ?? ''), extra: order ? orderWords(order).main : [] };
}

/** Words of a sales order: its marketplace order id and its items' titles and SKUs. */
function orderWords(o: Rec): { main: string[]; extra: string[] } {
	const text = [
		asStr(o['seller_order_id']),
		...asRecs(o['order_items']).flatMap((item) => {
			const product = asRec(item['product']) ?? {};
			return [asStr(product['title']), asStr(product['sku'])];
		}),
	]
		.filter(Boolean)
		.join(' ');
	return { main: words(text), extra: [] };
}

/** 10 per query word found in the main words, 5 per other query word found in the extra ones; at most 50. */
function wordScore(wanted: string[], have: { main: string[]; extra: string[] }): number {
	let score = 0;
	for (const w of wanted) {
		if (have.main.some((h) => sameWord(h, w))) score += 10;
		else if (have.extra.some((h) => sameWord(h, w))) score += 5;
	}
	return Math.min(score, 50);
}

/** Equal, or one a prefix of the other when that one has 4 letters or more (ship/shipping, tent/tents). */
function sameWord(have: string, want: string): boolean {
	if (have === want) return true;
	if (want.length >= 4 && have.startsWith(want)) return true;
	return have.length >= 4 && want.startsWith(have);
}
