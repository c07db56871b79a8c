/** The route table of the 40 eDesk operations under /v1 (edesk-api.md §2) and nothing else. */
import type { Handler } from './context';
import { getMessage, createMessage, updateMessage, deleteMessage } from './handlers/messages';
import {
	addOrderNoteAttachments,
	createOrderNote,
	deleteOrderNote,
	getOrderNote,
	listOrderNotes,
	updateOrderNote,
} from './handlers/order-notes';
import {
	createSalesOrder,
	deleteSalesOrder,
	getSalesOrder,
	listSalesOrders,
	updateSalesOrder,
} from './handlers/sales-orders';
import { listContacts, listChannels, listUsers, whoami } from './handlers/directory';
import { createTag, deleteTag, getTag, listTagGroups, listTags, updateTag } from './handlers/tags';
import {
	createTemplate,
	deleteTemplate,
	getTemplate,
	listTemplates,
	updateTemplate,
} from './handlers/templates';
import { listTickets } from './handlers/ticket-list';
import {
	createTicket,
	deleteTicket,
	getTicket,
	updateTicket,
	updateTicketData,
} from './handlers/tickets';
import {
	addTrackingLinks,
	clearTrackingLinks,
	getTrackingLinks,
	replaceTrackingLinks,
} from './handlers/tracking-links';

interface Route {
	method: string;
	pattern: RegExp;
	handler: Handler;
}

/** A matched route and its numeric `{id}` (0 on collection routes). */
export interface RouteMatch {
	handler: Handler;
	id: number;
}

function route(method: string, path: string, handler: Handler): Route {
	return { method, pattern: new RegExp(`^/v1${path.replace('{id}', '(\\d{1,18})')}$`), handler };
}

const ROUTES: readonly Route[] = [
	route('GET', '/tickets', listTickets),
	route('GET', '/tickets/{id}', getTicket),
	route('POST', '/tickets', createTicket),
	route('PUT', '/tickets/{id}', updateTicket),
	route('PUT', '/tickets/{id}/data', updateTicketData),
	route('DELETE', '/tickets/{id}', deleteTicket),
	route('GET', '/messages/{id}', getMessage),
	route('POST', '/messages', createMessage),
	route('PUT', '/messages/{id}', updateMessage),
	route('DELETE', '/messages/{id}', deleteMessage),
	route('GET', '/sales-orders', listSalesOrders),
	route('GET', '/sales-orders/{id}', getSalesOrder),
	route('POST', '/sales-orders', createSalesOrder),
	route('PUT', '/sales-orders/{id}', updateSalesOrder),
	route('DELETE', '/sales-orders/{id}', deleteSalesOrder),
	route('GET', '/sales-orders-tracking-links/{id}', getTrackingLinks),
	route('POST', '/sales-orders-tracking-links/{id}', addTrackingLinks),
	route('PUT', '/sales-orders-tracking-links/{id}', replaceTrackingLinks),
	route('DELETE', '/sales-orders-tracking-links/{id}', clearTrackingLinks),
	route('GET', '/order-notes', listOrderNotes),
	route('GET', '/order-notes/{id}', getOrderNote),
	route('POST', '/order-notes', createOrderNote),
	route('PUT', '/order-notes/{id}', updateOrderNote),
	route('DELETE', '/order-notes/{id}', deleteOrderNote),
	route('POST', '/order-notes/{id}/attachments', addOrderNoteAttachments),
	route('GET', '/tags', listTags),
	route('GET', '/tags/{id}', getTag),
	route('POST', '/tags', createTag),
	route('PUT', '/tags/{id}', updateTag),
	route('DELETE', '/tags/{id}', deleteTag),
	route('GET', '/tag-groups', listTagGroups),
	route('GET', '/templates', listTemplates),
	route('GET', '/templates/{id}', getTemplate),
	route('POST', '/templates', createTemplate),
	route('PUT', '/templates/{id}', updateTemplate),
	route('DELETE', '/templates/{id}', deleteTemplate),
	route('GET', '/contacts', listContacts),
	route('GET', '/channels', listChannels),
	route('GET', '/users', listUsers),
	route('GET', '/whoami', whoami),
];

/** Number of API operations served (40, as in the spec). */
export const OPERATION_COUNT = ROUTES.length;

/** The route for a method and path, if any. */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
	for (const r of ROUTES) {
		if (r.method !== method) continue;
		const m = r.pattern.exec(path);
		if (m) return { handler: r.handler, id: m[1] === undefined ? 0 : Number(m[1]) };
	}
	return undefined;
}
