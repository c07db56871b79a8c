/** Seed tickets and their messages for "Northwind Outdoor": 16 tickets across channels, open and
 * resolved, each with a chronological message thread. Plain deterministic data; no state. */
import { SEED_IDS } from './seed-directory';
import type { Attachment, MessageRecord, TicketRecord } from './types';

const CH = SEED_IDS.channels;
const U = SEED_IDS.users;
const DANIEL = SEED_IDS.workflowContact;
const AUTO_REPLY =
	'<p>Thanks for contacting Northwind Outdoor! We have received your message and a member of our team will reply within 24 hours.</p>';

type Kind = 'in' | 'out' | 'note' | 'auto' | 'status';
type MsgSeed = [at: string, kind: Kind, body: string, userId?: number, attachments?: Attachment[]];

interface TicketSeed {
	id: number;
	subject: string;
	type: string;
	channel: number;
	status: string;
	contact: number | null;
	order?: number;
	owner?: number;
	tags?: number[];
	ai?: string;
	priority?: boolean;
	custom?: { id: number; name: string; value: string }[];
	messages: MsgSeed[];
}

/** Seeded tickets and messages, built together so `messages_ids` stay consistent. */
export interface TicketSeedResult {
	tickets: TicketRecord[];
	messages: MessageRecord[];
}

/** Builds all seed tickets; message ids are assigned in thread order from 2190345001. */
export function seedTickets(): TicketSeedResult {
	const tickets: TicketRecord[] = [];
	const messages: MessageRecord[] = [];
	let nextMessageId = 2190345001;
	for (const t of TICKETS) {
		const ids: number[] = [];
		for (const [at, kind, body, userId, attachments] of t.messages) {
			const id = nextMessageId++;
			ids.push(id);
			messages.push(
				toMessage({ id, at, kind, body, userId: userId ?? t.owner ?? null, attachments }, t),
			);
		}
		const first = t.messages[0];
		tickets.push({
			id: t.id,
			subject: t.subject,
			type: t.type,
			channel_id: t.channel,
			status: t.status,
			sales_order_id: t.order ?? null,
			external_order_id: null,
			created_at: first ? first[0] : '2026-11-01 00:00:00',
			owner_user_id: t.owner ?? null,
			custom_fields: t.custom ?? [],
			tags_ids: t.tags ?? [],
			contact_id: t.contact,
			messages_ids: ids,
			ai_classification: t.ai ?? null,
			is_read: t.status !== 'Open' || t.messages.at(-1)?.[1] !== 'in',
			is_priority: t.priority ?? false,
		});
	}
	return { tickets, messages };
}

function toMessage(
	m: {
		id: number;
		at: string;
		kind: Kind;
		body: string;
		userId: number | null;
		attachments?: Attachment[];
	},
	t: TicketSeed,
): MessageRecord {
	const incoming = m.kind === 'in';
	const type = { in: 'Message', out: 'Message', note: 'Note', auto: 'AutoReply', status: 'Status' }[
		m.kind
	];
	const direction = {
		in: 'Incoming',
		out: 'Outgoing',
		note: 'Other',
		auto: 'Outgoing',
		status: 'Other',
	}[m.kind];
	return {
		id: m.id,
		external_id: incoming ? `${String(t.channel)}-${String(m.id)}` : null,
		subject:
			m.kind === 'in' || m.kind === 'out'
				? m.kind === 'in'
					? t.subject
					: `Re: ${t.subject}`
				: null,
		created_at: m.at,
		from_consumer_id: incoming ? t.contact : null,
		from_user_id: incoming || m.kind === 'auto' ? null : m.userId,
		type,
		direction,
		body: m.body,
		attachments: m.attachments ?? [],
		errors: [],
		ticket_id: t.id,
	};
}

const photo: Attachment = {
	id: 81000101,
	name: 'stove-valve.jpg',
	link: '/crm/view/attachment/81000101',
	mime: 'image/jpeg',
};

const TICKETS: TicketSeed[] = [
	{
		id: 701581402,
		subject: 'Do two Loft pads fit in the Ridgeline 2P?',
		type: 'ProductQuery',
		channel: CH.amazonUs,
		status: 'Closed',
		contact: DANIEL,
		order: 3777826010,
		owner: U.marcus,
		tags: [4410051],
		ai: 'ProductQuery',
		messages: [
			[
				'2026-10-08 14:12:05',
				'in',
				'<p>Hi, I just bought two Loft insulated pads. Will two regular-width pads fit side by side in the Ridgeline 2P tent?</p>',
			],
			[
				'2026-10-08 16:40:51',
				'out',
				'<p>Hi Daniel, yes – the Ridgeline 2P floor is 52 inches wide, so two 25-inch Loft pads fit side by side. Enjoy your trip!</p><p>Marcus</p>',
			],
			['2026-10-08 17:02:33', 'in', '<p>Perfect, thanks!</p>'],
			['2026-10-09 09:00:00', 'status', 'Ticket status changed to Closed'],
		],
	},
	{
		id: 701581455,
		subject: 'Invoice for order 113-2298871-5563410',
		type: 'InvoiceRequest',
		channel: CH.amazonUs,
		status: 'Pending',
		contact: DANIEL,
		order: 3777826010,
		owner: U.sofia,
		ai: 'InvoiceRequest',
		messages: [
			[
				'2026-10-28 09:30:44',
				'in',
				'<p>Hello, could you send me an itemized invoice for my pad order? I need it for my expense report.</p>',
			],
			['2026-10-28 11:02:10', 'note', 'Asked finance for the invoice PDF – waiting on them.'],
			[
				'2026-10-29 11:22:37',
				'out',
				'<p>Hi Daniel, the invoice INV-2026-10-0412 has been generated and sent to you through Amazon messaging. Could you confirm you received it?</p><p>Sofia</p>',
			],
		],
	},
	{
		id: 701581477,
		subject: 'Return request – Summit sleeping bag',
		type: 'ReturnRequest',
		channel: CH.amazonUs,
		status: 'Closed',
		contact: DANIEL,
		order: 3777826102,
		owner: U.sofia,
		tags: [4410045, 4410044, 4410052],
		ai: 'DontFit',
		messages: [
			[
				'2026-11-03 08:15:20',
				'in',
				'<p>Hi, the Summit bag is too short for me (I am 6\'3"). I would like to return it for a refund.</p>',
			],
			[
				'2026-11-03 10:41:02',
				'out',
				'<p>Hi Daniel, sorry it did not fit. We have emailed you a prepaid USPS return label. Your refund is issued as soon as the bag reaches our warehouse.</p><p>Sofia</p>',
			],
			['2026-11-05 19:20:11', 'in', '<p>Dropped it off today, thanks.</p>'],
			[
				'2026-11-07 15:05:48',
				'out',
				'<p>Hi Daniel, your return arrived and a refund of $189.00 has been issued. Thank you for shopping with Northwind Outdoor.</p><p>Sofia</p>',
			],
		],
	},
	{
		id: SEED_IDS.workflowTicket,
		subject: 'Where is my order? 113-4567890-1234567',
		type: 'OrderShippingInquiry',
		channel: CH.amazonUs,
		status: 'Open',
		contact: DANIEL,
		order: SEED_IDS.delayedOrder,
		owner: U.marcus,
		tags: [4410041, 4410032],
		ai: 'WhereOrder',
		custom: [{ id: 71004, name: 'Promised callback date', value: '2026-11-24' }],
		messages: [
			[
				'2026-11-20 16:02:11',
				'in',
				'<p>Hi, my tent and footprint were supposed to arrive by November 19 but the UPS tracking has not moved since Louisville, KY. Can you tell me what is going on?</p>',
			],
			['2026-11-20 16:02:40', 'auto', AUTO_REPLY],
			[
				'2026-11-21 10:15:03',
				'note',
				'UPS shows a weather exception at the Louisville, KY hub on 11/19. Waiting for the next scan before replying; see order note.',
			],
			[
				'2026-11-23 08:47:30',
				'in',
				'<p>Any update? I need the tent for a camping trip on the 28th. If it will not make it, I would rather get a replacement sent express.</p>',
			],
		],
	},
	{
		id: 701581503,
		subject: 'When will my backpack ship?',
		type: 'ShippingQuery',
		channel: CH.amazonUs,
		status: 'Closed',
		contact: 3478501187,
		order: 3777830447,
		owner: U.marcus,
		ai: 'WhereOrder',
		messages: [
			[
				'2026-11-22 12:30:00',
				'in',
				'<p>I ordered the Trailhead 45L five days ago and it still says not shipped. When will it go out?</p>',
			],
			[
				'2026-11-24 09:20:14',
				'out',
				'<p>Hi Emily, it shipped this morning with USPS, tracking 9400111899223344556677. Expected delivery is Nov 27–29.</p><p>Marcus</p>',
			],
		],
	},
	{
		id: 701581519,
		subject: 'Stove arrived with a cracked valve',
		type: 'DefectiveItemReceived',
		channel: CH.amazonUk,
		status: 'Open',
		contact: 3478517702,
		order: 3777831980,
		owner: U.tom,
		tags: [SEED_IDS.escalationsTag, 4410042],
		ai: 'Damaged',
		priority: true,
		messages: [
			[
				'2026-11-12 18:05:41',
				'in',
				'<p>The Titan stove I received has a cracked valve and leaks gas. This is dangerous!</p>',
			],
			[
				'2026-11-13 08:30:12',
				'out',
				'<p>Hi Robert, we are very sorry. Please do not use the stove. Could you send a photo of the valve so we can send a replacement?</p><p>Tom</p>',
			],
			['2026-11-13 09:40:55', 'in', '<p>Photo attached.</p>', undefined, [photo]],
			[
				'2026-11-13 09:50:02',
				'note',
				'Possible batch defect (TS-2609). Escalated to supervisor and supplier QA.',
			],
		],
	},
	{
		id: 701581530,
		subject: 'Is the Beacon 400 waterproof?',
		type: 'Presales',
		channel: CH.amazonUk,
		status: 'Closed',
		contact: 3478530991,
		owner: U.tom,
		ai: 'ProductQuery',
		messages: [
			[
				'2026-11-20 07:55:09',
				'in',
				'<p>Before I order: is the Beacon 400 headlamp waterproof or just splash-proof?</p>',
			],
			[
				'2026-11-20 09:12:44',
				'out',
				'<p>Hi Sarah, it is rated IPX7 – waterproof to 1 metre for 30 minutes.</p><p>Tom</p>',
			],
		],
	},
	{
		id: 701581544,
		subject: 'Combine shipping with my other item?',
		type: 'OrderQuery',
		channel: CH.ebayUs,
		status: 'Closed',
		contact: 3481120045,
		order: 3778001245,
		owner: U.sofia,
		ai: 'ShipmentInstructions',
		messages: [
			[
				'2026-11-23 10:20:00',
				'in',
				'<p>I also bought a bottle from you a minute later. Can you ship both together?</p>',
			],
			[
				'2026-11-23 13:45:31',
				'out',
				'<p>Hi Greg, the bottle listing was from another seller, so we cannot combine them, sorry! Your jacket ships tomorrow.</p><p>Sofia</p>',
			],
			['2026-11-23 13:46:00', 'status', 'Ticket status changed to Closed'],
		],
	},
	{
		id: 701581561,
		subject: 'Negative feedback left: "filter leaks"',
		type: 'NegativeFeedback',
		channel: CH.ebayUs,
		status: 'Open',
		contact: 3481120311,
		order: 3778001390,
		owner: U.supervisor,
		tags: [SEED_IDS.escalationsTag, 4410022, 4410031],
		ai: 'UnhappyCustomer',
		priority: true,
		messages: [
			[
				'2026-11-18 21:10:09',
				'in',
				'<p>Feedback: Negative – "Filter leaks from the cap after two uses. Disappointed."</p>',
			],
			[
				'2026-11-19 08:05:30',
				'note',
				'VIP buyer (12 orders). Offer replacement + ask to revise feedback.',
				U.supervisor,
			],
		],
	},
	{
		id: 701581577,
		subject: 'Why is my order on hold?',
		type: 'OrderQuery',
		channel: CH.shopify,
		status: 'Pending',
		contact: 3490077812,
		order: 3779120007,
		owner: U.supervisor,
		ai: 'OrderIssue',
		messages: [
			[
				'2026-11-22 16:40:18',
				'in',
				'<p>My order #NW1042 says on hold. I need the tents for a group trip next week.</p>',
			],
			[
				'2026-11-22 17:02:55',
				'out',
				'<p>Hi Chris, your card issuer flagged an address mismatch. Could you confirm the shipping address 1550 Wynkoop St, Suite 400, Denver CO 80202?</p><p>Priya</p>',
			],
		],
	},
	{
		id: 701581590,
		subject: 'Payment declined but I was charged',
		type: 'PaymentsQuery',
		channel: CH.shopify,
		status: 'Open',
		contact: 3490078120,
		order: 3779120233,
		ai: 'PaymentIssue',
		messages: [
			[
				'2026-11-23 19:30:12',
				'in',
				'<p>Your checkout said my payment was declined, but my bank shows a pending charge of $198.50. Was I charged or not?</p>',
			],
		],
	},
	{
		id: 701581602,
		subject: 'Chat: tent for winter camping?',
		type: 'Chat',
		channel: CH.shopify,
		status: 'Open',
		contact: 3490079455,
		ai: 'ProductQuery',
		messages: [
			[
				'2026-11-25 08:40:00',
				'in',
				'<p>Hi! Is the Ridgeline 2P OK for snow camping, or do you have a 4-season tent?</p>',
			],
		],
	},
	{
		id: 701581615,
		subject: 'Received the wrong sleeping pad',
		type: 'WrongItemReceived',
		channel: CH.walmart,
		status: 'Open',
		contact: 3495530076,
		order: 3780455102,
		owner: U.marcus,
		tags: [4410043],
		ai: 'WrongItem',
		messages: [
			[
				'2026-11-17 12:01:45',
				'in',
				'<p>I ordered the Loft insulated pad in Regular but received a Short. Please advise.</p>',
			],
			[
				'2026-11-17 15:33:20',
				'out',
				'<p>Hi Kevin, sorry for the mix-up! We are shipping the Regular today; keep the Short or donate it.</p><p>Marcus</p>',
			],
			[
				'2026-11-24 10:12:08',
				'in',
				'<p>Still nothing has arrived and there is no tracking for the replacement.</p>',
			],
		],
	},
	{
		id: 701581629,
		subject: 'Please cancel my order',
		type: 'Cancellation',
		channel: CH.amazonUs,
		status: 'Closed',
		contact: 3479002214,
		order: 3777833640,
		owner: U.sofia,
		ai: 'CancellationRequest',
		messages: [
			[
				'2026-11-10 17:20:33',
				'in',
				'<p>I ordered two chairs by mistake, please cancel the whole order.</p>',
			],
			[
				'2026-11-10 18:06:12',
				'out',
				'<p>Hi Aisha, the order has been cancelled and you have not been charged.</p><p>Sofia</p>',
			],
		],
	},
	{
		id: 701581640,
		subject: 'Amazon: A-to-z Guarantee claim closed',
		type: 'SystemMessage',
		channel: CH.amazonUs,
		status: 'Archived',
		contact: null,
		messages: [
			[
				'2026-11-02 03:14:00',
				'in',
				'<p>The A-to-z Guarantee claim for order 113-9902177-4455612 has been closed in your favour. No action required.</p>',
			],
		],
	},
	{
		id: 701581655,
		subject: 'Item not received – eBay case opened',
		type: 'ResolutionCase',
		channel: CH.ebayUs,
		status: 'Closed',
		contact: 3481120311,
		order: 3778001390,
		owner: U.tom,
		ai: 'WhereOrder',
		messages: [
			['2026-11-04 12:00:00', 'in', '<p>eBay case: Item not received.</p>'],
			[
				'2026-11-04 14:22:10',
				'out',
				'<p>Hi Hannah, USPS shows the parcel out for delivery today. Please let us know if it does not arrive.</p><p>Tom</p>',
			],
			['2026-11-05 13:30:00', 'in', '<p>Got it today, closing the case. Thanks.</p>'],
		],
	},
];
