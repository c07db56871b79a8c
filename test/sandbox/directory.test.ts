/** Contacts, channels, users and whoami (edesk-api.md §2.7). */
import { beforeEach, describe, expect, it } from 'vitest';
import { callJson, resetSandbox, type DataBody, type ListBody } from './helpers';

beforeEach(resetSandbox);

interface Contact {
	id: number;
	email: string;
	full_name: string;
	channel_id: number;
}

const contactIds = async (query: string): Promise<number[]> =>
	(await callJson<ListBody<Contact>>(`/contacts?${query}`)).body.data.map((c) => c.id);

describe('GET /contacts', () => {
	it('lists contacts with big integer ids', async () => {
		const { body } = await callJson<ListBody<Contact>>('/contacts');
		expect(body.paginator.totalItemsCount).toBe(11);
		expect(body.data[0]).toEqual({
			id: 3478494326,
			channel_id: 388355,
			client_id: 48213,
			full_name: 'Daniel Okafor',
			phone_number: '+1 206-555-0147',
			email: 'k7x2mq9pl3v8@marketplace.amazon.com',
		});
	});

	it('filters by exact email (Amazon relay address), name, phone, consumer_id and full text', async () => {
		expect(await contactIds('email=K7X2MQ9PL3V8@marketplace.amazon.com')).toEqual([3478494326]);
		expect(await contactIds('name=okafor')).toEqual([3478494326]);
		expect(await contactIds('phone_number=2065550147')).toEqual([3478494326]);
		expect(await contactIds('consumer_id=3481120311')).toEqual([3481120311]);
		expect(await contactIds('fsf_query=outlook.com')).toEqual([3481120311]);
		expect(await contactIds('fsf_query=marketplace.amazon.co.uk')).toEqual([
			3478517702, 3478530991,
		]);
		expect(await contactIds('email=nobody@example.com')).toEqual([]);
	});
});

describe('GET /channels and /users', () => {
	it('lists the five channels', async () => {
		const { body } =
			await callJson<ListBody<{ name: string; type: string; currency: string }>>('/channels');
		expect(body.data.map((c) => c.name).sort()).toEqual([
			'Amazon UK',
			'Amazon US',
			'Shopify',
			'Walmart',
			'eBay US',
		]);
		expect(body.data.find((c) => c.name === 'Amazon UK')).toMatchObject({
			id: 388356,
			type: 'Amazon',
			country: 'GB',
			currency: 'GBP',
		});
	});

	it('lists staff users with roles', async () => {
		const { body } =
			await callJson<ListBody<{ id: number; role: string; active: boolean }>>('/users');
		expect(body.paginator.totalItemsCount).toBe(7);
		expect(body.data.find((u) => u.id === 118206)).toMatchObject({ role: 'agent', active: false });
	});
});

describe('GET /whoami', () => {
	it('returns {data:{user}} for the token owner', async () => {
		const { body } = await callJson<DataBody<{ user: { id: number; role: string } }>>('/whoami');
		expect(body).toEqual({
			data: {
				user: {
					id: 118201,
					name: 'Jordan Avery',
					email: 'jordan.avery@northwindoutdoor.com',
					active: true,
					username: 'jordan.avery',
					role: 'admin',
				},
			},
		});
	});
});
