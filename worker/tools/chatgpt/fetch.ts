/**
 * ChatGPT `fetch`: one record by the typed id `search` returned, as `{id, title, text, url, metadata}`.
 * A ticket: its essentials, its customer, its embedded sales order and its latest messages (HTML made
 * plain text, newest last). A sales order: its essentials, its customer and its ticket (whose `uri` is
 * the order's url).
 */
import type { EdeskClient } from '../../proxy/edesk-client';
import type { ToolRunOutcome, ToolSpec } from '../tool-spec';
import { invalidArguments, jsonResult } from '../tool-error';
import { createReader, settle, UpstreamStop, type Reader } from './reader';
import {
	asId,
	asNum,
	asRec,
	asRecs,
	asStr,
	clip,
	contactLine,
	htmlToText,
	orderLines,
	orderTitle,
	parseTypedId,
	ticketTitle,
	ticketUrl,
	toTypedId,
	type Rec,
	type Scope,
	type TypedId,
} from './records';

/** How many of a ticket's newest messages fetch reads (one GET /messages/{id} each). */
export const FETCH_MAX_MESSAGES = 5;
/** Most eDesk requests one fetch makes: the ticket, its contact and FETCH_MAX_MESSAGES messages. */
export const FETCH_MAX_CALLS = 2 + FETCH_MAX_MESSAGES;
/** Longest message text kept; the rest is cut with an ellipsis. */
export const FETCH_MESSAGE_MAX_CHARS = 2_000;

/** Runs one fetch; the record, or an isError result (a malformed or unknown id, an eDesk failure). */
export async function runFetch(
	spec: ToolSpec,
	id: string,
	edesk: EdeskClient,
	scope: Scope,
): Promise<ToolRunOutcome> {
	const typed = parseTypedId(id);
	if (!typed) {
		return invalidId(
			'id: must be an id that search returned: ticket:<number> or sales_order:<number>',
		);
	}
	if (typed.kind === 'ticket' ? !scope.tickets : !scope.orders) {
		const what = typed.kind === 'ticket' ? 'tickets' : 'sales orders';
		return invalidId(`id: this MCP server's tags do not include ${what}`);
	}
	const reader = createReader(edesk, spec, FETCH_MAX_CALLS);
	try {
		const record =
			typed.kind === 'ticket'
				? await fetchTicket(typed, reader)
				: await fetchOrder(typed, reader, scope);
		return { result: jsonResult(record) };
	} catch (error) {
		if (error instanceof UpstreamStop) return error.outcome;
		throw error;
	}
}

function invalidId(message: string): ToolRunOutcome {
	return { result: invalidArguments([{ field: 'id', message }]) };
}

async function contactOf(r: Reader, contactId: string | undefined): Promise<Rec | undefined> {
	if (!contactId) return undefined;
	return (await r.list('/contacts', { consumer_id: contactId, itemsPerPage: '1' }))[0];
}

async function fetchTicket(typed: TypedId, r: Reader): Promise<Record<string, unknown>> {
	const ticket = (await r.one(`/tickets/${typed.id}`)) ?? {};
	const contactId = asId(ticket['contact_id']);
	const allIds = Array.isArray(ticket['messages_ids'])
		? ticket['messages_ids'].flatMap((m) => asId(m) ?? [])
		: [];
	// messages_ids are chronological (edesk-api.md §2.1): the last ones are the newest.
	const ids = allIds.slice(-FETCH_MAX_MESSAGES);
	let contact: Rec | undefined;
	const messages: (Rec | undefined)[] = [];
	await settle([
		contactOf(r, contactId).then((c) => {
			contact = c;
		}),
		...ids.map((mid, i) =>
			r.one(`/messages/${mid}`, true).then((m) => {
				messages[i] = m;
			}),
		),
	]);
	const read = messages.filter((m): m is Rec => m !== undefined);
	const lines = [
		ticketTitle(ticket),
		[
			asStr(ticket['status']) && `Status: ${asStr(ticket['status'])}`,
			asStr(ticket['type']) && `type ${asStr(ticket['type'])}`,
			asId(ticket['channel_id']) && `channel ${asId(ticket['channel_id'])}`,
		]
			.filter(Boolean)
			.join(', '),
		contactLine(contact, contactId),
		[
			asStr(ticket['created_at']) && `Created ${asStr(ticket['created_at'])}`,
			asStr(ticket['last_updated_at']) && `last message ${asStr(ticket['last_updated_at'])}`,
			asNum(ticket['replies']) && `replies ${asNum(ticket['replies'])}`,
		]
			.filter(Boolean)
			.join(', '),
	].filter((l) => l !== '');
	const order = asRec(ticket['sales_order']);
	if (order) lines.push('', ...orderLines(order));
	else if (asId(ticket['sales_order_id']))
		lines.push('', `Sales order ${asId(ticket['sales_order_id'])}`);
	lines.push(
		'',
		allIds.length === 0
			? 'Messages: none'
			: `Messages (the latest ${read.length} of ${allIds.length}, newest last):`,
	);
	for (const m of read) lines.push('', ...messageLines(m));
	const metadata: Record<string, string> = { type: 'ticket' };
	for (const key of ['status', 'created_at', 'last_updated_at']) {
		const v = asStr(ticket[key]);
		if (v) metadata[key] = v;
	}
	const ticketType = asStr(ticket['type']);
	if (ticketType) metadata['ticket_type'] = ticketType;
	for (const key of ['channel_id', 'contact_id', 'sales_order_id', 'owner_user_id']) {
		const v = asId(ticket[key]);
		if (v) metadata[key] = v;
	}
	metadata['messages'] = `${read.length} of ${allIds.length}`;
	return {
		id: toTypedId('ticket', typed.id),
		title: ticketTitle(ticket),
		text: lines.join('\n'),
		url: ticketUrl(ticket),
		metadata,
	};
}

/** `[2026-11-23 08:47:30] Customer message:` then the body as plain text. */
function messageLines(m: Rec): string[] {
	const type = asStr(m['type']) ?? 'Message';
	const direction = asStr(m['direction']);
	const user = asStr(asRec(m['from_user'])?.['name']);
	const who =
		type === 'Note'
			? `Internal note${user ? ` by ${user}` : ''}`
			: type === 'Message' && direction === 'Incoming'
				? 'Customer message'
				: type === 'Message' && direction === 'Outgoing'
					? `Reply${user ? ` by ${user}` : ''}`
					: `${type}${direction ? ` (${direction})` : ''}`;
	const body = htmlToText(asStr(m['body']) ?? '');
	const files = asRecs(m['attachments']).flatMap((a) => asStr(a['name']) ?? []);
	const lines = [
		`[${asStr(m['created_at']) ?? '?'}] ${who}:`,
		body === '' ? '(empty)' : clip(body, FETCH_MESSAGE_MAX_CHARS),
	];
	if (files.length > 0) lines.push(`Attachments: ${files.join(', ')}`);
	return lines;
}

async function fetchOrder(
	typed: TypedId,
	r: Reader,
	scope: Scope,
): Promise<Record<string, unknown>> {
	const order = (await r.one(`/sales-orders/${typed.id}`)) ?? {};
	const contactId = asId(order['contact_id']);
	const ticketId = asId(order['ticket_id']);
	let contact: Rec | undefined;
	let ticket: Rec | undefined;
	await settle([
		contactOf(r, contactId).then((c) => {
			contact = c;
		}),
		scope.tickets && ticketId
			? r.one(`/tickets/${ticketId}`, true).then((t) => {
					ticket = t;
				})
			: Promise.resolve(),
	]);
	const lines = [orderTitle(order), ...orderLines(order).slice(1), contactLine(contact, contactId)];
	const channel = asId(order['channel_id']);
	if (channel) lines.push(`Channel: ${channel}`);
	const notes = Array.isArray(order['order_notes_id']) ? order['order_notes_id'].length : 0;
	if (notes > 0) lines.push(`Order notes: ${notes}`);
	const url = ticketUrl(ticket);
	if (ticket) lines.push(ticketTitle(ticket));
	else if (ticketId) lines.push(`Ticket ${ticketId}`);
	const metadata: Record<string, string> = { type: 'sales_order' };
	for (const key of ['status', 'seller_order_id', 'created_at', 'last_updated_at']) {
		const v = asStr(order[key]);
		if (v) metadata[key] = v;
	}
	for (const key of ['channel_id', 'contact_id', 'ticket_id']) {
		const v = asId(order[key]);
		if (v) metadata[key] = v;
	}
	// eDesk has no web link for a sales order: the url is its ticket's, and says so.
	if (url !== '' && ticketId) metadata['url_source'] = toTypedId('ticket', ticketId);
	return {
		id: toTypedId('sales_order', typed.id),
		title: orderTitle(order),
		text: lines.join('\n'),
		url,
		metadata,
	};
}
