/** Seed data for "Northwind Outdoor": tag groups, tags and reply templates. Plain data; no state. */
import { SEED_IDS } from './seed-directory';
import type { Tag, TagGroup, Template } from './types';

const OWNER = SEED_IDS.users.owner;
const { amazonUs, amazonUk, ebayUs, shopify, walmart } = SEED_IDS.channels;

/** Four tag groups. */
export function seedTagGroups(): TagGroup[] {
	return [
		{
			id: 644646,
			name: 'Escalation',
			user_id: OWNER,
			entity_type: 'Ticket',
			type: 'Default',
			hide: false,
		},
		{
			id: 644647,
			name: 'Customer',
			user_id: OWNER,
			entity_type: 'Ticket',
			type: 'Default',
			hide: false,
		},
		{
			id: 644648,
			name: 'Issue type',
			user_id: 118202,
			entity_type: 'Ticket',
			type: 'Default',
			hide: false,
		},
		{
			id: 644649,
			name: 'Product line',
			user_id: OWNER,
			entity_type: 'Product',
			type: 'Default',
			hide: false,
		},
	];
}

function tag(
	id: number,
	name: string,
	group: number,
	color: string,
	icon: string,
	active = true,
): Tag {
	return { id, name, active, tag_group_id: group, color, icon };
}

/** Tag definitions, including `Escalations`, `VIP` and `Carrier delay`. */
export function seedTags(): Tag[] {
	return [
		tag(SEED_IDS.escalationsTag, 'Escalations', 644646, 'F44336', 'exclamation'),
		tag(4410022, 'Needs supervisor', 644646, 'FB8C00', 'flag'),
		tag(4410031, 'VIP', 644647, 'FFA000', 'star'),
		tag(4410032, 'Repeat customer', 644647, '4CAF50', 'users'),
		tag(4410041, 'Carrier delay', 644648, '2196F3', 'truck'),
		tag(4410042, 'Damaged in transit', 644648, '795548', 'wrench'),
		tag(4410043, 'Wrong item', 644648, '9C27B0', 'refresh'),
		tag(4410044, 'Refund issued', 644648, '009688', 'money'),
		tag(4410045, 'Return label sent', 644648, '00BCD4', 'reply'),
		tag(4410051, 'Tents', 644649, '8BC34A', 'tree'),
		tag(4410052, 'Sleeping bags', 644649, '3F51B5', 'folder'),
		tag(4410053, 'Black Friday 2025', 644647, '000000', 'gift', false),
	];
}

type TemplateSeed = Pick<Template, 'id' | 'name' | 'body_text' | 'created_at'> & Partial<Template>;

function template(seed: TemplateSeed): Template {
	return {
		subject: null,
		channels: null,
		template_usage: 'Manual',
		template_type: ['Consumer'],
		query_type: null,
		order_status: null,
		delivery_date: null,
		active: true,
		order_fulfilment: null,
		message_subject: null,
		invoice_attached: false,
		only_use_if_no_replies_yet: false,
		ai_classification: null,
		attachments: [],
		...seed,
	};
}

/** Reply templates, including the carrier-delay one used by the agent workflow. */
export function seedTemplates(): Template[] {
	return [
		template({
			id: SEED_IDS.carrierDelayTemplate,
			name: 'Shipping delay – carrier',
			subject: 'Update on your order {{order_id}}',
			message_subject: 'Your Northwind Outdoor order is on its way',
			body_text:
				'<p>Hi {{customer_first_name}},</p><p>Thank you for your patience. Your order {{order_id}} shipped with {{carrier_name}} and is in transit, but the carrier has reported a delay in their network. You can follow the latest scans here: {{tracking_link}}</p><p>If the parcel has not arrived by {{expected_delivery_date}}, reply to this message and we will send a replacement or a full refund, whichever you prefer.</p><p>Best regards,<br>{{agent_first_name}}<br>Northwind Outdoor Customer Care</p>',
			channels: [amazonUs, amazonUk, ebayUs, shopify, walmart],
			query_type: ['ShippingQuery', 'OrderShippingInquiry'],
			order_status: ['InTransit', 'OrderShipped'],
			delivery_date: 'Outside',
			ai_classification: { classification: 'WhereOrder', quick_reply: false },
			created_at: '2026-03-02 10:14:09',
		}),
		template({
			id: 913302,
			name: 'Return instructions',
			body_text:
				'<p>Hi {{customer_first_name}},</p><p>Sorry the item did not work out. You can return it within 30 days of delivery. Please use the prepaid return label attached and drop the parcel at any {{carrier_name}} location. Your refund is issued within 3 business days of the item reaching our warehouse.</p><p>Kind regards,<br>Northwind Outdoor Customer Care</p>',
			query_type: ['ReturnRequest', 'ReturnsQuery'],
			order_status: ['Delivered'],
			ai_classification: { classification: 'OtherReturn', quick_reply: true },
			created_at: '2026-03-02 10:20:41',
		}),
		template({
			id: 913303,
			name: 'Tracking number request',
			body_text:
				'<p>Hi {{customer_first_name}},</p><p>Your order {{order_id}} shipped on {{shipped_date}} with {{carrier_name}}. Tracking number: {{tracking_code}} ({{tracking_link}}).</p><p>Best regards,<br>Northwind Outdoor Customer Care</p>',
			template_usage: 'ManualAuto',
			query_type: ['ShippingQuery', 'OrderShippingInquiry', 'OrderQuery'],
			order_status: ['OrderShipped', 'InTransit'],
			delivery_date: 'Within',
			ai_classification: { classification: 'TrackingCodeRequest', quick_reply: true },
			created_at: '2026-03-05 08:02:17',
		}),
		template({
			id: 913304,
			name: 'Damaged item – photo request',
			body_text:
				'<p>Hi {{customer_first_name}},</p><p>We are very sorry your order arrived damaged. Could you reply with a photo of the item and of the outer box? As soon as we receive them we will ship a replacement at no cost.</p><p>Kind regards,<br>Northwind Outdoor Customer Care</p>',
			query_type: ['DefectiveItemReceived', 'WrongItemReceived', 'OrderClaim'],
			ai_classification: { classification: 'Damaged', quick_reply: false },
			created_at: '2026-03-09 15:40:00',
		}),
		template({
			id: 913305,
			name: 'Refund processed',
			body_text:
				'<p>Hi {{customer_first_name}},</p><p>We have issued a refund of {{refund_amount}} for order {{order_id}}. Depending on your bank it can take 3–5 business days to appear.</p><p>Kind regards,<br>Northwind Outdoor Customer Care</p>',
			query_type: ['ReturnsQuery', 'Cancellation', 'PaymentsQuery'],
			order_status: ['Returned', 'Canceled'],
			ai_classification: { classification: 'RefundRequest', quick_reply: false },
			created_at: '2026-03-11 11:05:52',
		}),
		template({
			id: 913306,
			name: 'Cancellation confirmed',
			body_text:
				'<p>Hi {{customer_first_name}},</p><p>Your order {{order_id}} has been cancelled and you have not been charged.</p><p>Kind regards,<br>Northwind Outdoor Customer Care</p>',
			query_type: ['Cancellation'],
			order_status: ['Canceled'],
			only_use_if_no_replies_yet: true,
			ai_classification: { classification: 'CancellationRequest', quick_reply: true },
			created_at: '2026-04-01 09:00:00',
		}),
		template({
			id: 913307,
			name: 'Invoice attached',
			body_text:
				'<p>Hi {{customer_first_name}},</p><p>Please find the invoice for order {{order_id}} attached.</p><p>Kind regards,<br>Northwind Outdoor Customer Care</p>',
			query_type: ['InvoiceRequest'],
			order_fulfilment: ['MerchantFulfilled'],
			invoice_attached: true,
			ai_classification: { classification: 'InvoiceRequest', quick_reply: true },
			created_at: '2026-04-14 13:27:33',
		}),
		template({
			id: 913308,
			name: 'Internal: escalate to supervisor',
			body_text:
				'<p>Escalating to a supervisor. Reason: {{reason}}. Customer lifetime orders: {{order_count}}.</p>',
			template_type: ['Internal'],
			created_at: '2026-05-20 17:45:10',
		}),
		template({
			id: 913309,
			name: 'Out of office – holidays',
			body_text:
				'<p>Thanks for contacting Northwind Outdoor. Our team is away for the holidays and will reply within 1 business day of our return.</p>',
			template_usage: 'OutOfOffice',
			active: false,
			created_at: '2025-12-18 09:12:44',
		}),
		template({
			id: 913310,
			name: 'Order received – thank you',
			body_text:
				'<p>Hi {{customer_first_name}},</p><p>Thanks for your order! We are packing it now and will send tracking as soon as it ships.</p><p>Northwind Outdoor</p>',
			channels: [shopify],
			template_usage: 'Auto',
			order_status: ['OrderReceived', 'PaymentAccepted'],
			ai_classification: { classification: 'HappyCustomer', quick_reply: true },
			created_at: '2026-02-10 12:00:00',
		}),
	];
}
