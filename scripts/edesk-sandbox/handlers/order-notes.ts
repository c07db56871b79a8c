/** Order-note routes (edesk-api.md §2.4, ops 20–25) including multipart attachments; the JSON
 * `files` variant is accepted and ignored, as observed live (S2). */
import type { Handler, HandlerContext } from '../context';
import { dataResponse, deletedResponse, internalError } from '../envelopes';
import { ATTACHMENT_TYPES } from '../enums';
import { listResponse } from '../pagination';
import { nextId } from '../store';
import { toTimestamp } from '../time';
import type { OrderNoteRecord } from '../types';
import { Checker, must } from '../validate';
import { toOrderNote } from '../views';
import { readRef, requireRecord, toMime } from './shared';

const TEXT_MAX_CHARS = 65_535;

function noteResponse(ctx: HandlerContext, note: OrderNoteRecord): Response {
	return dataResponse(toOrderNote(ctx.state, note));
}

/** GET /order-notes (page params only). */
export const listOrderNotes: Handler = ({ state, query }) => {
	const notes = [...state.orderNotes.values()].sort((a, b) => a.id - b.id);
	return listResponse(notes, query, (n) => toOrderNote(state, n));
};

/** GET /order-notes/{id} */
export const getOrderNote: Handler = (ctx) =>
	noteResponse(ctx, requireRecord(ctx.state.orderNotes, ctx.id, 'Order note'));

/** POST /order-notes `{sales_order_id*, text*}` */
export const createOrderNote: Handler = (ctx) => {
	const { state, body, user, nowMs } = ctx;
	const check = new Checker();
	const orderId = readRef(check, body, 'sales_order_id', state.salesOrders, true);
	const text = check.str(body, 'text', 'text', { required: true, max: TEXT_MAX_CHARS });
	check.done();
	const now = toTimestamp(nowMs);
	const note: OrderNoteRecord = {
		id: nextId(state, 'orderNote'),
		sales_order_id: must(orderId),
		user_id: user.id,
		text: must(text),
		attachments: [],
		created_at: now,
		last_updated_at: now,
	};
	state.orderNotes.set(note.id, note);
	return noteResponse(ctx, note);
};

/** PUT /order-notes/{id} `{text*, sales_order_id}` */
export const updateOrderNote: Handler = (ctx) => {
	const { state, body } = ctx;
	const note = requireRecord(state.orderNotes, ctx.id, 'Order note');
	const check = new Checker();
	const text = check.str(body, 'text', 'text', { required: true, max: TEXT_MAX_CHARS });
	const orderId = readRef(check, body, 'sales_order_id', state.salesOrders);
	check.done();
	note.text = must(text);
	if (orderId !== undefined) note.sales_order_id = orderId;
	note.last_updated_at = toTimestamp(ctx.nowMs);
	return noteResponse(ctx, note);
};

/** DELETE /order-notes/{id} */
export const deleteOrderNote: Handler = ({ state, id }) => {
	requireRecord(state.orderNotes, id, 'Order note');
	state.orderNotes.delete(id);
	return deletedResponse('Order note deleted');
};

/** POST /order-notes/{id}/attachments: multipart `attachments[]` + `attachmentType`. */
export const addOrderNoteAttachments: Handler = (ctx) => {
	const note = requireRecord(ctx.state.orderNotes, ctx.id, 'Order note');
	const form = ctx.form;
	if (!form) return noteResponse(ctx, note);
	const types = [...form.getAll('attachmentType'), ...form.getAll('attachmentType[]')];
	if (types.length > 1 || form.has('attachmentType[]')) throw internalError();
	const check = new Checker();
	const type = check.oneOf(
		{ attachmentType: types[0] ?? 'Other' },
		'attachmentType',
		ATTACHMENT_TYPES,
	);
	const files = form.getAll('attachments[]').filter((f): f is File => typeof f !== 'string');
	if (files.length === 0) check.fail('attachments', '4001');
	check.done();
	for (const file of files) {
		const id = nextId(ctx.state, 'attachment');
		note.attachments.push({
			id,
			name: file.name,
			link: `/crm/view/attachment/${String(id)}`,
			mime: file.type || toMime(file.name),
			attachmentType: must(type),
		});
	}
	note.last_updated_at = toTimestamp(ctx.nowMs);
	return noteResponse(ctx, note);
};
