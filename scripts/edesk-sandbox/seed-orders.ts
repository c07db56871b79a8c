/** Seed sales orders (one per status of the enum, across all channels) and order notes for
 * "Northwind Outdoor". Plain deterministic data; no state. */
import { SEED_IDS } from './seed-directory';
import { toAddress, toOrderItem, type LineSeed } from './seed-products';
import type { Address, OrderNoteRecord, SalesOrderRecord, TrackingCode } from './types';

const CH = SEED_IDS.channels;
const CHANNEL_INFO: Record<
	number,
	{ type: string; country: string; currency: string; slot: number }
> = {
	[CH.amazonUs]: { type: 'Amazon', country: 'US', currency: 'USD', slot: 1 },
	[CH.amazonUk]: { type: 'Amazon', country: 'GB', currency: 'GBP', slot: 2 },
	[CH.ebayUs]: { type: 'eBay', country: 'US', currency: 'USD', slot: 3 },
	[CH.shopify]: { type: 'Shopify', country: 'US', currency: 'USD', slot: 4 },
	[CH.walmart]: { type: 'Walmart', country: 'US', currency: 'USD', slot: 5 },
};

interface OrderSeed {
	id: number;
	channel: number;
	seller: string;
	status: string;
	contact: number;
	lines: Omit<LineSeed, 'itemId'>[];
	shipping: number;
	shipTo: Address;
	tracking?: TrackingCode[];
	ordered: string;
	shipped?: string;
	updated: string;
	expected?: [string, string];
	delivery?: string;
	custom?: { id: number; name: string; value: string }[];
}

let itemSeq = 0;

function order(s: OrderSeed): SalesOrderRecord {
	const channel = CHANNEL_INFO[s.channel];
	if (!channel) throw new Error(`unknown seed channel ${String(s.channel)}`);
	const created = new Date(Date.parse(`${s.ordered.replace(' ', 'T')}Z`) + 95_000);
	return {
		id: s.id,
		channel_id: s.channel,
		seller_order_id: s.seller,
		status: s.status,
		order_items: s.lines.map((l) => toOrderItem({ ...l, itemId: 90412000 + ++itemSeq }, channel)),
		shipping_amount: s.shipping,
		ship_to: s.shipTo,
		bill_to: s.channel === CH.shopify ? s.shipTo : null,
		contact_id: s.contact,
		tracking_codes: s.tracking ?? [],
		created_at: created.toISOString().slice(0, 19).replace('T', ' '),
		last_updated_at: s.updated,
		sales_order_delivery_dates: s.expected
			? { expected_delivery_from: s.expected[0], expected_delivery_to: s.expected[1] }
			: null,
		order_created_at: s.ordered,
		order_shipped_at: s.shipped ?? null,
		delivery_type: s.delivery ?? 'Standard',
		custom_fields: s.custom ?? [],
	};
}

function ups(code: string): TrackingCode {
	return {
		tracking_code: code,
		tracking_link: `https://www.ups.com/track?tracknum=${code}`,
		tracking_carrier_name: 'UPS',
	};
}

function usps(code: string): TrackingCode {
	return {
		tracking_code: code,
		tracking_link: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${code}`,
		tracking_carrier_name: 'USPS',
	};
}

/** Thirteen orders; 3777826195 is the delayed InTransit UPS order of the agent workflow. */
export function seedSalesOrders(): SalesOrderRecord[] {
	itemSeq = 0;
	const daniel = toAddress('Daniel Okafor', '4120 Fremont Ave N', 'Seattle', {
		state: 'WA',
		postcode: '98103',
		country: 'US',
		line_2: 'Apt 3B',
	});
	return [
		order({
			id: 3777826010,
			channel: CH.amazonUs,
			seller: '113-2298871-5563410',
			status: 'Delivered',
			contact: 3478494326,
			lines: [
				{ sku: 'NW-PAD-INS-R', price: 119, qty: 2 },
				{ sku: 'NW-HL-400', price: 34.99, qty: 1 },
			],
			shipping: 0,
			shipTo: daniel,
			tracking: [ups('1Z999AA10123456701')],
			ordered: '2026-10-02 18:22:10',
			shipped: '2026-10-03 14:05:00',
			updated: '2026-10-06 12:40:00',
			expected: ['2026-10-06 00:00:00', '2026-10-08 23:59:59'],
		}),
		order({
			id: 3777826102,
			channel: CH.amazonUs,
			seller: '114-7781203-9910254',
			status: 'Returned',
			contact: 3478494326,
			lines: [{ sku: 'NW-SB-20F-REG', price: 189, qty: 1 }],
			shipping: 0,
			shipTo: daniel,
			tracking: [usps('9400111899561234509876')],
			ordered: '2026-10-20 07:48:31',
			shipped: '2026-10-21 11:30:00',
			updated: '2026-11-07 15:02:11',
			expected: ['2026-10-24 00:00:00', '2026-10-27 23:59:59'],
		}),
		order({
			id: SEED_IDS.delayedOrder,
			channel: CH.amazonUs,
			seller: '113-4567890-1234567',
			status: 'InTransit',
			contact: 3478494326,
			lines: [
				{ sku: 'NW-TNT-2P-GRN', price: 249, qty: 1 },
				{ sku: 'NW-FTP-2P', price: 39.95, qty: 1 },
			],
			shipping: 0,
			shipTo: daniel,
			tracking: [ups('1Z999AA10123456784')],
			ordered: '2026-11-14 19:31:08',
			shipped: '2026-11-15 16:10:00',
			updated: '2026-11-15 16:10:00',
			expected: ['2026-11-18 00:00:00', '2026-11-19 23:59:59'],
			custom: [{ id: 72001, name: 'Warehouse', value: 'Reno NV-2' }],
		}),
		order({
			id: 3777830447,
			channel: CH.amazonUs,
			seller: '112-0091846-7720315',
			status: 'OrderShipped',
			contact: 3478501187,
			lines: [{ sku: 'NW-PCK-45L', price: 159, qty: 1 }],
			shipping: 0,
			shipTo: toAddress('Emily Carter', '77 Maple Ridge Rd', 'Burlington', {
				state: 'VT',
				postcode: '05401',
				country: 'US',
			}),
			tracking: [usps('9400111899223344556677')],
			ordered: '2026-11-17 13:02:55',
			shipped: '2026-11-24 09:15:00',
			updated: '2026-11-24 09:15:00',
			expected: ['2026-11-27 00:00:00', '2026-11-29 23:59:59'],
		}),
		order({
			id: 3777831980,
			channel: CH.amazonUk,
			seller: '203-5512987-4410063',
			status: 'Delivered',
			contact: 3478517702,
			lines: [
				{ sku: 'NW-STV-TI', price: 54.99, qty: 1 },
				{ sku: 'NW-BTL-1L', price: 24.5, qty: 2 },
			],
			shipping: 3.99,
			shipTo: toAddress('Robert Haynes', '14 Kingsley Road', 'Leeds', {
				county: 'West Yorkshire',
				postcode: 'LS6 2AB',
				country: 'GB',
			}),
			tracking: [
				{
					tracking_code: "'RM123456785GB'",
					tracking_link:
						'https://www.royalmail.com/track-your-item#/tracking-results/RM123456785GB',
					tracking_carrier_name: 'Royal Mail',
				},
			],
			ordered: '2026-11-08 20:14:37',
			shipped: '2026-11-09 12:00:00',
			updated: '2026-11-11 10:31:00',
			expected: ['2026-11-11 00:00:00', '2026-11-12 23:59:59'],
			delivery: 'Expedited',
		}),
		order({
			id: 3777833512,
			channel: CH.amazonUk,
			seller: '026-7781120-3349901',
			status: 'OrderReceived',
			contact: 3478530991,
			lines: [{ sku: 'NW-HL-400', price: 29.99, qty: 2 }],
			shipping: 2.49,
			shipTo: toAddress('Sarah Jenkins', '3 Harbour View', 'Bristol', {
				county: 'Bristol',
				postcode: 'BS1 5TY',
				country: 'GB',
			}),
			ordered: '2026-11-24 21:40:02',
			updated: '2026-11-24 21:40:02',
		}),
		order({
			id: 3777833640,
			channel: CH.amazonUs,
			seller: '111-3345120-6678812',
			status: 'Canceled',
			contact: 3479002214,
			lines: [{ sku: 'NW-CHR-CMP', price: 79, qty: 2 }],
			shipping: 0,
			shipTo: toAddress('Aisha Rahman', '2209 Barton Springs Rd', 'Austin', {
				state: 'TX',
				postcode: '78704',
				country: 'US',
			}),
			ordered: '2026-11-10 16:55:19',
			updated: '2026-11-10 18:03:44',
		}),
		order({
			id: 3778001245,
			channel: CH.ebayUs,
			seller: '12-11873-55402',
			status: 'PaymentReceived',
			contact: 3481120045,
			lines: [{ sku: 'NW-JKT-RAIN-M', price: 119, qty: 1 }],
			shipping: 6.95,
			shipTo: toAddress('Greg Thompson', '880 Oak Street', 'Columbus', {
				state: 'OH',
				postcode: '43215',
				country: 'US',
			}),
			ordered: '2026-11-23 10:11:12',
			updated: '2026-11-23 10:12:40',
			delivery: 'SecondDay',
		}),
		order({
			id: 3778001390,
			channel: CH.ebayUs,
			seller: '05-11902-31877',
			status: 'Delivered',
			contact: 3481120311,
			lines: [
				{ sku: 'NW-FLT-SQZ', price: 44.95, qty: 1 },
				{ sku: 'NW-BTL-1L', price: 29.95, qty: 1 },
			],
			shipping: 5.5,
			shipTo: toAddress('Hannah Lee', '51 Cedar Lane', 'Portland', {
				state: 'ME',
				postcode: '04101',
				country: 'US',
			}),
			tracking: [usps('9400111899887766554433')],
			ordered: '2026-11-01 09:44:00',
			shipped: '2026-11-02 15:20:00',
			updated: '2026-11-05 13:02:00',
		}),
		order({
			id: 3779120007,
			channel: CH.shopify,
			seller: '#NW1042',
			status: 'Hold',
			contact: 3490077812,
			lines: [
				{ sku: 'NW-TNT-2P-GRN', price: 249, qty: 2 },
				{ sku: 'NW-PCK-45L', price: 159, qty: 1 },
			],
			shipping: 0,
			shipTo: toAddress('Chris Mendoza', '1550 Wynkoop St', 'Denver', {
				state: 'CO',
				postcode: '80202',
				country: 'US',
				line_2: 'Suite 400',
			}),
			ordered: '2026-11-22 14:30:45',
			updated: '2026-11-22 14:31:30',
			delivery: 'Expedited',
			custom: [{ id: 72003, name: 'Insured value', value: '657' }],
		}),
		order({
			id: 3779120233,
			channel: CH.shopify,
			seller: '#NW1057',
			status: 'PaymentRejected',
			contact: 3490078120,
			lines: [{ sku: 'NW-SB-20F-REG', price: 189, qty: 1 }],
			shipping: 9.5,
			shipTo: toAddress('Olivia Brooks', '210 Valencia St', 'San Francisco', {
				state: 'CA',
				postcode: '94103',
				country: 'US',
			}),
			ordered: '2026-11-23 19:05:27',
			updated: '2026-11-23 19:05:40',
		}),
		order({
			id: 3779120410,
			channel: CH.shopify,
			seller: '#NW1061',
			status: 'PaymentAccepted',
			contact: 3490079455,
			lines: [
				{ sku: 'NW-HL-400', price: 34.99, qty: 1 },
				{ sku: 'NW-FLT-SQZ', price: 44.95, qty: 1 },
			],
			shipping: 5.95,
			shipTo: toAddress('Noah Patel', '9 Elm Court', 'Madison', {
				state: 'WI',
				postcode: '53703',
				country: 'US',
			}),
			ordered: '2026-11-25 08:12:03',
			updated: '2026-11-25 08:12:09',
			custom: [{ id: 72002, name: 'Gift message', value: 'Happy birthday, Sam!' }],
		}),
		order({
			id: 3780455102,
			channel: CH.walmart,
			seller: '200011473829561',
			status: 'Delivered',
			contact: 3495530076,
			lines: [{ sku: 'NW-PAD-INS-R', price: 114, qty: 1 }],
			shipping: 0,
			shipTo: toAddress('Kevin Walsh', '402 SE Walton Blvd', 'Bentonville', {
				state: 'AR',
				postcode: '72712',
				country: 'US',
			}),
			tracking: [
				{
					tracking_code: '771234567890',
					tracking_link: 'https://www.fedex.com/fedextrack/?trknbr=771234567890',
					tracking_carrier_name: 'FedEx',
				},
			],
			ordered: '2026-11-12 11:26:50',
			shipped: '2026-11-13 17:45:00',
			updated: '2026-11-16 14:22:00',
		}),
	];
}

/** Order notes by staff; 5345233 records the UPS exception on the delayed order. */
export function seedOrderNotes(): OrderNoteRecord[] {
	const note = (
		id: number,
		sales_order_id: number,
		user_id: number,
		text: string,
		at: string,
	): OrderNoteRecord => ({
		id,
		sales_order_id,
		user_id,
		text,
		attachments: [],
		created_at: at,
		last_updated_at: at,
	});
	const notes = [
		note(
			5345201,
			3777826010,
			118204,
			'Invoice INV-2026-10-0412 generated and sent to buyer via Amazon messaging.',
			'2026-10-29 11:20:05',
		),
		note(
			5345218,
			3777826102,
			118204,
			'Return received at Reno warehouse, bag inspected – resaleable. Refund of $189.00 issued.',
			'2026-11-07 15:02:11',
		),
		note(
			5345233,
			SEED_IDS.delayedOrder,
			118203,
			"UPS exception scan 11/19 at Louisville, KY hub: 'Severe weather conditions have delayed delivery.' Parcel not lost – next scan expected within 48h.",
			'2026-11-21 10:12:40',
		),
		note(
			5345240,
			3777831980,
			118205,
			'Buyer reports cracked stove valve. Stove batch TS-2609 – flagged to supplier QA.',
			'2026-11-13 09:48:22',
		),
		note(
			5345251,
			3779120007,
			118202,
			'Shipping address failed verification (AVS mismatch). Order on hold until customer confirms the address.',
			'2026-11-22 15:02:00',
		),
		note(
			5345262,
			3777833640,
			118204,
			'Cancelled before dispatch at buyer request. No charge captured.',
			'2026-11-10 18:05:10',
		),
	];
	const invoiceNote = notes[0];
	if (invoiceNote) {
		invoiceNote.attachments.push({
			id: 81000001,
			name: 'INV-2026-10-0412.pdf',
			link: '/crm/view/attachment/81000001',
			mime: 'application/pdf',
			attachmentType: 'Invoice',
		});
	}
	return notes;
}
