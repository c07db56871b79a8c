/** Seed data for "Northwind Outdoor": channels, staff users, contacts, custom-field definitions.
 * Plain deterministic data built fresh on every call; no state. */
import type { Channel, Contact, CustomFieldDef, User } from './types';

/** The eDesk account (client) id of the seeded shop. */
export const CLIENT_ID = 48213;

/** Well-known seed ids, for tests and docs. */
export const SEED_IDS = {
	channels: {
		amazonUs: 388355,
		amazonUk: 388356,
		ebayUs: 354531,
		shopify: 372698,
		walmart: 402117,
	},
	users: {
		owner: 118201,
		supervisor: 118202,
		marcus: 118203,
		sofia: 118204,
		tom: 118205,
		reporting: 118207,
	},
	workflowContact: 3478494326,
	workflowEmail: 'k7x2mq9pl3v8@marketplace.amazon.com',
	workflowTicket: 701581498,
	delayedOrder: 3777826195,
	carrierDelayTemplate: 913301,
	escalationsTag: 4410021,
} as const;

const C = SEED_IDS.channels;

/** Five sales channels. */
export function seedChannels(): Channel[] {
	return [
		{ id: C.ebayUs, type: 'eBay', country: 'US', currency: 'USD', name: 'eBay US' },
		{ id: C.shopify, type: 'Shopify', country: 'US', currency: 'USD', name: 'Shopify' },
		{ id: C.amazonUs, type: 'Amazon', country: 'US', currency: 'USD', name: 'Amazon US' },
		{ id: C.amazonUk, type: 'Amazon', country: 'GB', currency: 'GBP', name: 'Amazon UK' },
		{ id: C.walmart, type: 'Walmart', country: 'US', currency: 'USD', name: 'Walmart' },
	];
}

function user(id: number, name: string, role: string, active = true): User {
	const username = name.toLowerCase().replace(/[^a-z]+/g, '.');
	return { id, name, email: `${username}@northwindoutdoor.com`, active, username, role };
}

/** Staff: the token owner (admin), a supervisor, agents, one deactivated agent, an API user. */
export function seedUsers(): User[] {
	return [
		user(118201, 'Jordan Avery', 'admin'),
		user(118202, 'Priya Natarajan', 'supervisor'),
		user(118203, 'Marcus Bell', 'agent'),
		user(118204, 'Sofia Alvarez', 'agent'),
		user(118205, 'Tom Whitaker', 'agent'),
		user(118206, 'Lena Fischer', 'agent', false),
		user(118207, 'Reporting Integration', 'admin'),
	];
}

function contact(
	id: number,
	channel_id: number,
	full_name: string,
	email: string,
	phone_number: string | null,
): Contact {
	return { id, channel_id, client_id: CLIENT_ID, full_name, phone_number, email };
}

/** Customers: Amazon (obfuscated relay e-mails), eBay, Shopify and Walmart buyers. */
export function seedContacts(): Contact[] {
	return [
		contact(3478494326, C.amazonUs, 'Daniel Okafor', SEED_IDS.workflowEmail, '+1 206-555-0147'),
		contact(3478501187, C.amazonUs, 'Emily Carter', '5tq8wz1nr4hd@marketplace.amazon.com', null),
		contact(
			3478517702,
			C.amazonUk,
			'Robert Haynes',
			'x9v3kp2m7q1c@marketplace.amazon.co.uk',
			'+44 7700 900412',
		),
		contact(3478530991, C.amazonUk, 'Sarah Jenkins', 'b4n8rt6w2zq5@marketplace.amazon.co.uk', null),
		contact(
			3479002214,
			C.amazonUs,
			'Aisha Rahman',
			'm2d7qz8l4x6b@marketplace.amazon.com',
			'+1 512-555-0193',
		),
		contact(3481120045, C.ebayUs, 'Greg Thompson', 'greg.thompson72@gmail.com', '+1 614-555-0128'),
		contact(3481120311, C.ebayUs, 'Hannah Lee', 'hannah.lee@outlook.com', null),
		contact(3490077812, C.shopify, 'Chris Mendoza', 'chris@mendozaclimbing.com', '+1 303-555-0175'),
		contact(3490078120, C.shopify, 'Olivia Brooks', 'olivia.brooks@icloud.com', '+1 415-555-0102'),
		contact(3490079455, C.shopify, 'Noah Patel', 'noah.patel@protonmail.com', null),
		contact(
			3495530076,
			C.walmart,
			'Kevin Walsh',
			'8f3k2j9d1m4q@relay.walmart.com',
			'+1 479-555-0166',
		),
	];
}

/** Custom-field definitions referenced by name in requests (unknown name → 4002). */
export function seedCustomFieldDefs(): CustomFieldDef[] {
	return [
		{ id: 71001, name: 'RMA number', entity: 'ticket', kind: 'text' },
		{ id: 71002, name: 'Replacement SKU', entity: 'ticket', kind: 'text' },
		{ id: 71003, name: 'Refund amount', entity: 'ticket', kind: 'number' },
		{ id: 71004, name: 'Promised callback date', entity: 'ticket', kind: 'date' },
		{ id: 72001, name: 'Warehouse', entity: 'sales_order', kind: 'text' },
		{ id: 72002, name: 'Gift message', entity: 'sales_order', kind: 'text' },
		{ id: 72003, name: 'Insured value', entity: 'sales_order', kind: 'number' },
	];
}
