/** The deterministic seed of the sandbox: a multi-channel outdoor shop, "Northwind Outdoor".
 * Returns fresh arrays on every call (no Math.random, no clock); the store owns them afterwards. */
import { seedTagGroups, seedTags, seedTemplates } from './seed-catalog';
import { seedChannels, seedContacts, seedCustomFieldDefs, seedUsers } from './seed-directory';
import { seedOrderNotes, seedSalesOrders } from './seed-orders';
import { seedTickets } from './seed-tickets';
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

/** Every seeded collection, as arrays in id order. */
export interface SeedData {
	channels: Channel[];
	users: User[];
	contacts: Contact[];
	customFieldDefs: CustomFieldDef[];
	tickets: TicketRecord[];
	messages: MessageRecord[];
	salesOrders: SalesOrderRecord[];
	orderNotes: OrderNoteRecord[];
	tags: Tag[];
	tagGroups: TagGroup[];
	templates: Template[];
}

/** Builds a fresh copy of the seed. */
export function createSeedData(): SeedData {
	const { tickets, messages } = seedTickets();
	return {
		channels: seedChannels(),
		users: seedUsers(),
		contacts: seedContacts(),
		customFieldDefs: seedCustomFieldDefs(),
		tickets,
		messages,
		salesOrders: seedSalesOrders(),
		orderNotes: seedOrderNotes(),
		tags: seedTags(),
		tagGroups: seedTagGroups(),
		templates: seedTemplates(),
	};
}
