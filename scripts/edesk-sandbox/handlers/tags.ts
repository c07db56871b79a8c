/** Tag and tag-group routes (edesk-api.md §2.5). Tag update is partial and, as live, re-sending
 * a tag's unchanged `name` fails with 4003 (S2). */
import type { Handler } from '../context';
import { dataResponse, deletedResponse } from '../envelopes';
import { TAG_COLORS, TAG_ICONS } from '../enums';
import { listResponse } from '../pagination';
import { nextId, type SandboxState } from '../store';
import type { JsonObject, Tag } from '../types';
import { Checker, must } from '../validate';
import { readRef, requireRecord } from './shared';

const NAME_MAX_CHARS = 64;

function byId<T extends { id: number }>(items: Iterable<T>): T[] {
	return [...items].sort((a, b) => a.id - b.id);
}

/** GET /tag-groups */
export const listTagGroups: Handler = ({ state, query }) =>
	listResponse(byId(state.tagGroups.values()), query);

/** GET /tags */
export const listTags: Handler = ({ state, query }) =>
	listResponse(byId(state.tags.values()), query);

/** GET /tags/{id} */
export const getTag: Handler = ({ state, id }) =>
	dataResponse(requireRecord(state.tags, id, 'Tag'));

function nameTaken(state: SandboxState, name: string): boolean {
	const wanted = name.trim().toLowerCase();
	return [...state.tags.values()].some((t) => t.name.toLowerCase() === wanted);
}

function readTagFields(check: Checker, body: JsonObject, state: SandboxState, creating: boolean) {
	const name = check.str(body, 'name', 'name', { required: creating, max: NAME_MAX_CHARS });
	if (name !== undefined && nameTaken(state, name)) check.fail('name', '4003');
	return {
		name,
		groupId: readRef(check, body, 'tag_group_id', state.tagGroups, creating),
		color: check.oneOf(body, 'color', TAG_COLORS),
		icon: check.oneOf(body, 'icon', TAG_ICONS),
		active: check.bool(body, 'active'),
	};
}

/** POST /tags `{name*, tag_group_id*, color, icon, active}` */
export const createTag: Handler = ({ state, body }) => {
	const check = new Checker();
	const f = readTagFields(check, body, state, true);
	check.done();
	const tag: Tag = {
		id: nextId(state, 'tag'),
		name: must(f.name),
		active: f.active ?? true,
		tag_group_id: must(f.groupId),
		color: f.color ?? null,
		icon: f.icon ?? null,
	};
	state.tags.set(tag.id, tag);
	return dataResponse(tag);
};

/** PUT /tags/{id}: partial update. */
export const updateTag: Handler = ({ state, id, body }) => {
	const tag = requireRecord(state.tags, id, 'Tag');
	const check = new Checker();
	const f = readTagFields(check, body, state, false);
	check.done();
	if (f.name !== undefined) tag.name = f.name;
	if (f.groupId !== undefined) tag.tag_group_id = f.groupId;
	if (f.color !== undefined) tag.color = f.color;
	if (f.icon !== undefined) tag.icon = f.icon;
	if (f.active !== undefined) tag.active = f.active;
	return dataResponse(tag);
};

/** DELETE /tags/{id}: also removes the tag from every ticket. */
export const deleteTag: Handler = ({ state, id }) => {
	requireRecord(state.tags, id, 'Tag');
	state.tags.delete(id);
	for (const t of state.tickets.values()) t.tags_ids = t.tags_ids.filter((tagId) => tagId !== id);
	return deletedResponse('Tag deleted');
};
