/** Sales orders and their tracking links (edesk-api.md §2.3, ops 11–19). */
import { beforeEach, describe, expect, it } from 'vitest';
import { callJson, resetSandbox, validationBody, type DataBody, type ListBody } from './helpers';

beforeEach(resetSandbox);

interface Order {
	id: number;
	seller_order_id: string;
	status: string;
	total_amount: number;
	contact_id: number;
	order_items: {
		id: number;
		quantity: number;
		end_price: number;
		product: { sku: string; currency: string };
	}[];
	tracking_codes: {
		tracking_code: string;
		tracking_link: string | null;
		tracking_carrier_name: string | null;
	}[];
	order_notes_id: number[];
	ticket_id: number | null;
}

const NEW_ORDER = {
	channel_id: 372698,
	seller_order_id: '#NW2001',
	currency: 'USD',
	status: 'PaymentAccepted',
	shipping_amount: 5,
	contact: { email: 'river@example.com', full_name: 'River Song' },
	ship_to: {
		name: 'River Song',
		line_1: '1 Main St',
		city: 'Boise',
		country: 'US',
		postcode: '83702',
		state: 'ID',
	},
	order_items: [
		{ sku: 'NW-HL-400', title: 'Beacon 400', quantity: 2, item_amount: 34.99, shipping_amount: 0 },
	],
	tracking_codes: [
		{
			tracking_code: '1Z1',
			tracking_carrier_name: 'UPS',
			tracking_carrier_link: 'https://www.ups.com/track?tracknum=(tracking_code)',
		},
	],
};

describe('GET /sales-orders', () => {
	it('filters by contact, status, channel, seller id and id range', async () => {
		const byContact = await callJson<ListBody<Order>>(
			'/sales-orders?filter_contact_id_equals=3478494326',
		);
		expect(byContact.body.data.map((o) => o.id)).toEqual([3777826010, 3777826102, 3777826195]);
		const inTransit = await callJson<ListBody<Order>>(
			'/sales-orders?filter_status_equals=InTransit',
		);
		expect(inTransit.body.data.map((o) => o.id)).toEqual([3777826195]);
		const seller = await callJson<ListBody<Order>>(
			'/sales-orders?filter_seller_order_id_equals=%23NW1042',
		);
		expect(seller.body.data.map((o) => o.id)).toEqual([3779120007]);
		const range = await callJson<ListBody<Order>>(
			'/sales-orders?filter_id_gte=3779000000&filter_id_lte=3779999999&filter_channel_id_equals=372698',
		);
		expect(range.body.paginator.totalItemsCount).toBe(3);
	});

	it('filters by created_at day', async () => {
		const { body } = await callJson<ListBody<Order>>(
			'/sales-orders?filter_created_at_gte=2026-11-23&filter_created_at_lte=2026-11-23',
		);
		expect(body.data.map((o) => o.id)).toEqual([3778001245, 3779120233]);
	});

	it('answers 500 "Failed to parse time string" for a non-date filter, as observed live', async () => {
		const { status, body } = await callJson('/sales-orders?filter_created_at_gte=1700000000');
		expect(status).toBe(500);
		expect(body).toMatchObject({
			error: { httpCode: 500, message: 'Failed to parse time string (1700000000 00:00:00)' },
		});
	});
});

describe('GET /sales-orders/{id}', () => {
	it('returns items with the SKU under product, totals, notes and the latest ticket', async () => {
		const { body } = await callJson<DataBody<Order>>('/sales-orders/3777826195');
		expect(body.data).toMatchObject({
			seller_order_id: '113-4567890-1234567',
			status: 'InTransit',
			total_amount: 288.95,
			ticket_id: 701581498,
			order_notes_id: [5345233],
		});
		expect(body.data.order_items.map((i) => i.product.sku)).toEqual(['NW-TNT-2P-GRN', 'NW-FTP-2P']);
	});
});

describe('POST /sales-orders', () => {
	it('creates an order, its contact and tracking link from the placeholder', async () => {
		const { status, body } = await callJson<DataBody<Order>>('/sales-orders', {
			method: 'POST',
			body: NEW_ORDER,
		});
		expect(status).toBe(200);
		expect(body.data).toMatchObject({
			seller_order_id: '#NW2001',
			total_amount: 74.98,
			ticket_id: null,
			order_notes_id: [],
		});
		expect(body.data.order_items[0]).toMatchObject({
			quantity: 2,
			end_price: 69.98,
			product: { sku: 'NW-HL-400', currency: 'USD' },
		});
		expect(body.data.tracking_codes).toEqual([
			{
				tracking_code: '1Z1',
				tracking_link: 'https://www.ups.com/track?tracknum=1Z1',
				tracking_carrier_name: 'UPS',
			},
		]);
	});

	it('rejects a duplicate seller_order_id on the channel with 4003', async () => {
		const { body } = await callJson('/sales-orders', {
			method: 'POST',
			body: { ...NEW_ORDER, seller_order_id: '#NW1042' },
		});
		expect(body).toEqual(validationBody({ seller_order_id: '4003' }));
	});

	it('reports nested item and address errors under dotted paths', async () => {
		const { status, body } = await callJson('/sales-orders', {
			method: 'POST',
			body: {
				...NEW_ORDER,
				status: 'Shipped',
				contact: undefined,
				ship_to: { name: 'x', city: 'y', country: 'USA', postcode: '1' },
				order_items: [{ title: 't', quantity: 'two', item_amount: 1, shipping_amount: 0 }],
				tracking_codes: [{ tracking_code: 'A', tracking_carrier_name: 'x'.repeat(65) }],
			},
		});
		expect(status).toBe(400);
		expect(body).toEqual(
			validationBody({
				'order_items.0.sku': '4001',
				'order_items.0.quantity': '4005',
				status: '4007',
				'ship_to.line_1': '4001',
				'ship_to.country': '4007',
				'tracking_codes.0.tracking_carrier_name': '4020',
				contact_id: '4001',
			}),
		);
	});
});

describe('PUT /sales-orders/{id}', () => {
	it('updates status and an existing item by id', async () => {
		const current = await callJson<DataBody<Order>>('/sales-orders/3779120410');
		const item = current.body.data.order_items[0];
		const { body } = await callJson<DataBody<Order>>('/sales-orders/3779120410', {
			method: 'PUT',
			body: {
				status: 'OrderShipped',
				order_items: [
					{
						id: item?.id,
						sku: 'NW-HL-400',
						title: 'Beacon 400',
						quantity: 3,
						item_amount: 34.99,
						shipping_amount: 0,
					},
				],
			},
		});
		expect(body.data.status).toBe('OrderShipped');
		expect(body.data.order_items[0]).toMatchObject({ id: item?.id, quantity: 3 });
	});

	it('rejects an item id from another order with 4017', async () => {
		const { body } = await callJson('/sales-orders/3779120410', {
			method: 'PUT',
			body: {
				order_items: [
					{ id: 1, sku: 'a', title: 'b', quantity: 1, item_amount: 1, shipping_amount: 0 },
				],
			},
		});
		expect(body).toEqual(validationBody({ 'order_items.0.id': '4017' }));
	});
});

describe('DELETE /sales-orders/{id}', () => {
	it('removes the order', async () => {
		const { body } = await callJson('/sales-orders/3779120410', { method: 'DELETE' });
		expect(body).toEqual({ ok: true, message: 'Sales order deleted' });
		expect((await callJson('/sales-orders/3779120410')).status).toBe(404);
	});
});

describe('/sales-orders-tracking-links/{id}', () => {
	it('gets the links of an order', async () => {
		const { body } = await callJson('/sales-orders-tracking-links/3777826195');
		expect(body).toEqual({
			data: {
				tracking_links: [
					{
						tracking_link: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
						tracking_carrier_name: 'UPS',
					},
				],
			},
		});
	});

	it('appends with POST and returns the full order', async () => {
		const { body } = await callJson<DataBody<Order>>('/sales-orders-tracking-links/3777826195', {
			method: 'POST',
			body: {
				tracking_links: [
					{
						tracking_link: 'https://www.fedex.com/fedextrack/?trknbr=7700',
						tracking_carrier_name: 'FedEx',
					},
				],
			},
		});
		expect(body.data.seller_order_id).toBe('113-4567890-1234567');
		expect(body.data.tracking_codes.map((t) => t.tracking_carrier_name)).toEqual(['UPS', 'FedEx']);
		expect(body.data.tracking_codes[1]?.tracking_code).toBe('7700');
	});

	it('replaces all with PUT', async () => {
		const { body } = await callJson<DataBody<Order>>('/sales-orders-tracking-links/3777826195', {
			method: 'PUT',
			body: {
				tracking_links: [
					{ tracking_link: 'https://dhl.example/track/XYZ', tracking_carrier_name: 'DHL' },
				],
			},
		});
		expect(body.data.tracking_codes).toEqual([
			{
				tracking_code: 'XYZ',
				tracking_link: 'https://dhl.example/track/XYZ',
				tracking_carrier_name: 'DHL',
			},
		]);
	});

	it('clears all with DELETE', async () => {
		const { body } = await callJson('/sales-orders-tracking-links/3777826195', {
			method: 'DELETE',
		});
		expect(body).toEqual({ ok: true, message: 'Tracking links deleted' });
		const after = await callJson('/sales-orders-tracking-links/3777826195');
		expect(after.body).toEqual({ data: { tracking_links: [] } });
	});

	it('validates the body', async () => {
		const { body } = await callJson('/sales-orders-tracking-links/3777826195', {
			method: 'POST',
			body: { tracking_links: [{ tracking_carrier_name: 'x'.repeat(65) }] },
		});
		expect(body).toEqual(
			validationBody({
				'tracking_links.0.tracking_link': '4001',
				'tracking_links.0.tracking_carrier_name': '4020',
			}),
		);
	});
});
