/** Template routes (edesk-api.md §2.6). Update is a full replace with the create rules (S2);
 * attachments are kept unless listed in `delete_attachments`. */
import type { Handler } from '../context';
import { dataResponse, deletedResponse } from '../envelopes';
import {
	AI_CLASSIFICATIONS,
	ORDER_FULFILMENTS,
	SALES_ORDER_STATUSES,
	TEMPLATE_DELIVERY_DATES,
	TEMPLATE_QUERY_TYPES,
	TEMPLATE_TYPES_REQUEST,
	TEMPLATE_USAGES_REQUEST,
} from '../enums';
import { listResponse } from '../pagination';
import { nextId, type SandboxState } from '../store';
import { toTimestamp } from '../time';
import type { JsonObject, Template } from '../types';
import { Checker, isObject, must } from '../validate';
import { readUrlAttachments, requireRecord } from './shared';

const TEMPLATES_LIMIT = 500;

function readAiClassification(
	check: Checker,
	body: JsonObject,
): Template['ai_classification'] | undefined {
	const list = check.arr(body, 'ai_classification');
	if (list === undefined) return undefined;
	const parsed = list.map((item, i) => {
		const path = `ai_classification.${String(i)}`;
		if (!isObject(item)) return check.fail(path, '4006');
		const classification = check.oneOf(item, 'classification', AI_CLASSIFICATIONS, {
			path: `${path}.classification`,
			required: true,
		});
		const quick = check.bool(item, 'quick_reply', `${path}.quick_reply`) ?? false;
		return classification === undefined ? undefined : { classification, quick_reply: quick };
	});
	return parsed[0] ?? null;
}

/** Validates a TemplateRequest and builds the template (without id/created_at/attachments). */
function readTemplate(state: SandboxState, body: JsonObject, existing?: Template) {
	const check = new Checker();
	const name = check.str(body, 'name', 'name', { required: true, max: 255 });
	const bodyText = check.str(body, 'body_text', 'body_text', { required: true });
	const usage = check.oneOf(body, 'template_usage', TEMPLATE_USAGES_REQUEST, { required: true });
	const types = check.enumArray(body, 'template_type', TEMPLATE_TYPES_REQUEST, { required: true });
	if (Array.isArray(body.template_type) && body.template_type.length === 0) {
		check.fail('template_type', '4001');
	}
	const active = check.bool(body, 'active', 'active', { required: true });
	const channels = check.intArray(body, 'channels');
	channels?.forEach((id, i) => {
		if (!state.channels.has(id)) check.fail(`channels.${String(i)}`, '4002');
	});
	const optional = {
		subject: check.str(body, 'subject', 'subject', { max: 255 }) ?? null,
		channels: channels ?? null,
		query_type: check.enumArray(body, 'query_type', TEMPLATE_QUERY_TYPES) ?? null,
		order_status: check.enumArray(body, 'order_status', SALES_ORDER_STATUSES) ?? null,
		delivery_date: check.oneOf(body, 'delivery_date', TEMPLATE_DELIVERY_DATES) ?? null,
		order_fulfilment: check.enumArray(body, 'order_fulfilment', ORDER_FULFILMENTS) ?? null,
		message_subject: check.str(body, 'message_subject', 'message_subject', { max: 255 }) ?? null,
		invoice_attached: check.bool(body, 'invoice_attached') ?? false,
		only_use_if_no_replies_yet: check.bool(body, 'only_use_if_no_replies_yet') ?? false,
		ai_classification: readAiClassification(check, body) ?? null,
	};
	const added = readUrlAttachments(check, body) ?? [];
	const removed = new Set(check.intArray(body, 'delete_attachments') ?? []);
	if (!existing && state.templates.size >= TEMPLATES_LIMIT) check.fail('name', '4016');
	check.done();
	const kept = (existing?.attachments ?? []).filter((a) => !removed.has(a.id));
	const attachments = [...kept, ...added.map((a) => ({ id: nextId(state, 'attachment'), ...a }))];
	const required = {
		name: must(name),
		body_text: must(bodyText),
		template_usage: must(usage),
		template_type: must(types),
		active: must(active),
	};
	return { ...required, ...optional, attachments };
}

function byId(state: SandboxState): Template[] {
	return [...state.templates.values()].sort((a, b) => a.id - b.id);
}

/** GET /templates */
export const listTemplates: Handler = ({ state, query }) => listResponse(byId(state), query);

/** GET /templates/{id} */
export const getTemplate: Handler = ({ state, id }) =>
	dataResponse(requireRecord(state.templates, id, 'Template'));

/** POST /templates */
export const createTemplate: Handler = ({ state, body, nowMs }) => {
	const fields = readTemplate(state, body);
	const template: Template = {
		id: nextId(state, 'template'),
		created_at: toTimestamp(nowMs),
		...fields,
	};
	state.templates.set(template.id, template);
	return dataResponse(template);
};

/** PUT /templates/{id}: full replace. */
export const updateTemplate: Handler = ({ state, id, body }) => {
	const existing = requireRecord(state.templates, id, 'Template');
	const template: Template = {
		id,
		created_at: existing.created_at,
		...readTemplate(state, body, existing),
	};
	state.templates.set(id, template);
	return dataResponse(template);
};

/** DELETE /templates/{id} */
export const deleteTemplate: Handler = ({ state, id }) => {
	requireRecord(state.templates, id, 'Template');
	state.templates.delete(id);
	return deletedResponse('Template deleted');
};
