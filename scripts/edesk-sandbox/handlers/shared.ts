/** Helpers shared by resource handlers: 404 lookups, custom fields, inline contacts. No HTTP. */
import { notFound } from '../envelopes';
import { CLIENT_ID } from '../seed-directory';
import { nextId, type SandboxState } from '../store';
import { isDateOnly } from '../time';
import type { Attachment, CustomField, CustomFieldDef, JsonObject } from '../types';
import { isObject, isTimestamp, toNumber, type Checker } from '../validate';

/** The record with `id`, or a 404 `{details: "<label> not found"}`. */
export function requireRecord<T>(map: Map<number, T>, id: number, label: string): T {
	const record = map.get(id);
	if (record === undefined) throw notFound(`${label} not found`);
	return record;
}

/** Reads an optional integer id that must exist in `map` (4005 / 4002). */
export function readRef(
	check: Checker,
	body: JsonObject,
	key: string,
	map: Map<number, unknown>,
	required = false,
): number | undefined {
	const id = check.int(body, key, key, { required });
	if (id === undefined) return undefined;
	return map.has(id) ? id : check.fail(key, '4002');
}

function matchesKind(def: CustomFieldDef, value: string): boolean {
	if (def.kind === 'number') return toNumber(value) !== undefined;
	if (def.kind === 'date') return isDateOnly(value) || isTimestamp(value);
	return true;
}

/** Reads `custom_fields:[{name*,value*}]` against the definitions (4002 unknown name, 4018 type). */
export function readCustomFields(
	check: Checker,
	body: JsonObject,
	state: SandboxState,
	opts: { entity: CustomFieldDef['entity']; required?: boolean },
): CustomField[] | undefined {
	const list = check.arr(body, 'custom_fields', 'custom_fields', { required: opts.required });
	if (list === undefined) return undefined;
	const out: CustomField[] = [];
	list.forEach((item, i) => {
		const path = `custom_fields.${String(i)}`;
		if (!isObject(item)) return check.fail(path, '4006');
		const name = check.str(item, 'name', `${path}.name`, { required: true });
		const value = check.str(item, 'value', `${path}.value`, { required: true });
		if (name === undefined || value === undefined) return undefined;
		const def = state.customFieldDefs.find(
			(d) => d.entity === opts.entity && d.name.toLowerCase() === name.toLowerCase(),
		);
		if (!def) return check.fail(`${path}.name`, '4002');
		if (!matchesKind(def, value)) return check.fail(`${path}.value`, '4018');
		out.push({ id: def.id, name: def.name, value });
		return undefined;
	});
	return out;
}

/** `existing` with `updates` applied by field id (replace or append). */
export function mergeCustomFields(existing: CustomField[], updates: CustomField[]): CustomField[] {
	const merged = existing.map((f) => updates.find((u) => u.id === f.id) ?? f);
	for (const u of updates) if (!merged.some((f) => f.id === u.id)) merged.push(u);
	return merged;
}

/** A validated inline `contact{email*,full_name,phone_number}` (not yet stored). */
export interface ContactInput {
	email: string;
	full_name: string | null;
	phone_number: string | null;
}

/** Reads `contact` (4006 not an object, 4001/4021 email). */
export function readContactInput(check: Checker, body: JsonObject): ContactInput | undefined {
	const contact = check.obj(body, 'contact');
	if (contact === undefined) return undefined;
	const email = check.email(contact, 'email', 'contact.email', { required: true, max: 255 });
	const full_name = check.str(contact, 'full_name', 'contact.full_name', { max: 255 }) ?? null;
	const phone_number =
		check.str(contact, 'phone_number', 'contact.phone_number', { max: 64 }) ?? null;
	return email === undefined ? undefined : { email, full_name, phone_number };
}

/** Links an inline contact by e-mail on the channel, creating it when new; returns its id. */
export function upsertContact(state: SandboxState, input: ContactInput, channelId: number): number {
	const email = input.email.toLowerCase();
	for (const c of state.contacts.values()) {
		if (c.channel_id === channelId && c.email.toLowerCase() === email) return c.id;
	}
	const id = nextId(state, 'contact');
	state.contacts.set(id, { id, channel_id: channelId, client_id: CLIENT_ID, ...input });
	return id;
}

const MIME_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	pdf: 'application/pdf',
	txt: 'text/plain',
	csv: 'text/csv',
	doc: 'application/msword',
	zip: 'application/zip',
};

/** A MIME type guessed from a file name. */
export function toMime(name: string): string {
	const ext = name.split('.').at(-1)?.toLowerCase() ?? '';
	return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

/** Reads `attachments:[{name*, url*}]` (4006 / 4019 per item) into stored attachments. */
export function readUrlAttachments(
	check: Checker,
	body: JsonObject,
): Omit<Attachment, 'id'>[] | undefined {
	const list = check.arr(body, 'attachments');
	if (list === undefined) return undefined;
	const out: Omit<Attachment, 'id'>[] = [];
	list.forEach((item, i) => {
		const name = isObject(item) && typeof item.name === 'string' ? item.name : undefined;
		const url = isObject(item) && typeof item.url === 'string' ? item.url : undefined;
		if (!name || !url || !/^https?:\/\/\S+$/.test(url) || name.length > 100) {
			check.fail(`attachments.${String(i)}`, '4019');
			return;
		}
		out.push({ name, link: url, mime: toMime(name) });
	});
	return out;
}
