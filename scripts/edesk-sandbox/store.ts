/** The in-memory state of the sandbox (module scope, one isolate locally), seeded lazily on first
 * use and re-seeded by /__sandbox/reset. The only owner of that state; no HTTP here. */
import { createSeedData } from './seed';
import type {
	Channel,
	Contact,
	CustomFieldDef,
	MessageRecord,
	OrderNoteRecord,
	SalesOrderRecord,
	Tag,
	TagGroup,
	Template,
	TicketRecord,
	User,
} from './types';

/** Id sequences for objects the API can create. */
export type IdKind =
	| 'contact'
	| 'ticket'
	| 'message'
	| 'salesOrder'
	| 'orderItem'
	| 'product'
	| 'orderNote'
	| 'attachment'
	| 'tag'
	| 'template'
	| 'customField';

/** All collections, keyed by id (Map keeps insertion order). */
export interface SandboxState {
	channels: Map<number, Channel>;
	users: Map<number, User>;
	contacts: Map<number, Contact>;
	customFieldDefs: CustomFieldDef[];
	tickets: Map<number, TicketRecord>;
	messages: Map<number, MessageRecord>;
	salesOrders: Map<number, SalesOrderRecord>;
	orderNotes: Map<number, OrderNoteRecord>;
	tags: Map<number, Tag>;
	tagGroups: Map<number, TagGroup>;
	templates: Map<number, Template>;
	nextIds: Record<IdKind, number>;
}

let current: SandboxState | undefined;

function byId<T extends { id: number }>(items: T[]): Map<number, T> {
	return new Map(items.map((item) => [item.id, item]));
}

function maxId(ids: Iterable<number>): number {
	let max = 0;
	for (const id of ids) if (id > max) max = id;
	return max;
}

/** Builds a fresh, seeded state. */
export function createState(): SandboxState {
	const seed = createSeedData();
	const items = seed.salesOrders.flatMap((o) => o.order_items);
	const attachmentIds = [
		...seed.messages.flatMap((m) => m.attachments.map((a) => a.id)),
		...seed.orderNotes.flatMap((n) => n.attachments.map((a) => a.id)),
	];
	return {
		channels: byId(seed.channels),
		users: byId(seed.users),
		contacts: byId(seed.contacts),
		customFieldDefs: seed.customFieldDefs,
		tickets: byId(seed.tickets),
		messages: byId(seed.messages),
		salesOrders: byId(seed.salesOrders),
		orderNotes: byId(seed.orderNotes),
		tags: byId(seed.tags),
		tagGroups: byId(seed.tagGroups),
		templates: byId(seed.templates),
		nextIds: {
			contact: maxId(seed.contacts.map((c) => c.id)) + 1,
			ticket: maxId(seed.tickets.map((t) => t.id)) + 1,
			message: maxId(seed.messages.map((m) => m.id)) + 1,
			salesOrder: maxId(seed.salesOrders.map((o) => o.id)) + 1,
			orderItem: maxId(items.map((i) => i.id)) + 1,
			product: maxId(items.map((i) => i.product.id)) + 1000,
			orderNote: maxId(seed.orderNotes.map((n) => n.id)) + 1,
			attachment: maxId(attachmentIds) + 1,
			tag: maxId(seed.tags.map((t) => t.id)) + 1,
			template: maxId(seed.templates.map((t) => t.id)) + 1,
			customField: 80001,
		},
	};
}

/** The current state, seeded on first use. */
export function getState(): SandboxState {
	current ??= createState();
	return current;
}

/** Replaces the state with a fresh seed. */
export function resetState(): void {
	current = createState();
}

/** Takes the next id of a kind. */
export function nextId(state: SandboxState, kind: IdKind): number {
	const id = state.nextIds[kind];
	state.nextIds[kind] = id + 1;
	return id;
}
