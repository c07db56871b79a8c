/** Wire and storage types of the eDesk sandbox (edesk-api.md §2). Types only: no runtime code. */

/** Vars from scripts/edesk-sandbox/wrangler.toml. */
export interface SandboxEnv {
	RATE_LIMIT_BURST?: string;
	RATE_LIMIT_REFILL_PER_SECOND?: string;
	RATE_LIMIT_ENABLED?: string;
}

/** A JSON object read from a request body. */
export type JsonObject = Record<string, unknown>;

/** `{id,type,country,currency,name}` (§2.7). */
export interface Channel {
	id: number;
	type: string;
	country: string;
	currency: string;
	name: string;
}

/** `{id,name,email,active,username,role}` (§2.7). */
export interface User {
	id: number;
	name: string;
	email: string;
	active: boolean;
	username: string;
	role: string;
}

/** The "Consumer model" (§2.7). */
export interface Contact {
	id: number;
	channel_id: number;
	client_id: number;
	full_name: string | null;
	phone_number: string | null;
	email: string;
}

/** `{id,name,value}` as returned on tickets and sales orders. */
export interface CustomField {
	id: number;
	name: string;
	value: string;
}

/** A custom field definition (sandbox-internal; the API has no endpoint for it). */
export interface CustomFieldDef {
	id: number;
	name: string;
	entity: 'ticket' | 'sales_order';
	kind: 'text' | 'number' | 'date';
}

/** A ticket as stored; the wire shape adds computed fields (see views.ts). */
export interface TicketRecord {
	id: number;
	subject: string;
	type: string;
	channel_id: number;
	status: string;
	sales_order_id: number | null;
	external_order_id: number | null;
	created_at: string;
	owner_user_id: number | null;
	custom_fields: CustomField[];
	tags_ids: number[];
	contact_id: number | null;
	messages_ids: number[];
	ai_classification: string | null;
	/** Read state and priority back the wide filter statuses Unread/Read/Priority/Unpriority. */
	is_read: boolean;
	is_priority: boolean;
}

/** `{id,name,link,mime}` on messages and templates. */
export interface Attachment {
	id: number;
	name: string;
	link: string | null;
	mime: string;
}

/** A message ("TicketItem") as stored; `from_user` is embedded at read time. */
export interface MessageRecord {
	id: number;
	external_id: string | null;
	subject: string | null;
	created_at: string;
	from_consumer_id: number | null;
	from_user_id: number | null;
	type: string;
	direction: string;
	body: string;
	attachments: Attachment[];
	errors: string[];
	ticket_id: number;
}

/** `ProductChannel` (§2.3). */
export interface Product {
	id: number;
	sku: string;
	title: string;
	brand: string | null;
	dimensions: string | null;
	weight: number | null;
	product_image_url: string | null;
	marketplace_link: string | null;
	price: number;
	currency: string;
}

/** `SalesOrder_Item`; `item_shipping_amount` is internal (request field `shipping_amount`). */
export interface OrderItem {
	id: number;
	product: Product;
	quantity: number;
	end_price: number;
	item_shipping_amount: number;
}

/** `Address` (§2.3). */
export interface Address {
	name: string;
	line_1: string;
	line_2: string | null;
	city: string;
	state: string | null;
	county: string | null;
	country: string;
	postcode: string;
	country_name: string;
}

/** `{tracking_code,tracking_link,tracking_carrier_name}`. */
export interface TrackingCode {
	tracking_code: string;
	tracking_link: string | null;
	tracking_carrier_name: string | null;
}

/** A sales order as stored; `total_amount`, `ticket_id`, `order_notes_id` are computed. */
export interface SalesOrderRecord {
	id: number;
	channel_id: number;
	seller_order_id: string;
	status: string;
	order_items: OrderItem[];
	shipping_amount: number;
	ship_to: Address | null;
	bill_to: Address | null;
	contact_id: number;
	tracking_codes: TrackingCode[];
	created_at: string;
	last_updated_at: string | null;
	sales_order_delivery_dates: {
		expected_delivery_from: string | null;
		expected_delivery_to: string | null;
	} | null;
	order_created_at: string | null;
	order_shipped_at: string | null;
	delivery_type: string | null;
	custom_fields: CustomField[];
}

/** An order-note attachment. */
export interface NoteAttachment extends Attachment {
	attachmentType: string;
}

/** An order note as stored; `user` is embedded at read time. */
export interface OrderNoteRecord {
	id: number;
	sales_order_id: number;
	user_id: number;
	text: string;
	attachments: NoteAttachment[];
	created_at: string;
	last_updated_at: string;
}

/** `Tag` (§2.5). */
export interface Tag {
	id: number;
	name: string;
	active: boolean;
	tag_group_id: number;
	color: string | null;
	icon: string | null;
}

/** `TagGroup` (§2.5). */
export interface TagGroup {
	id: number;
	name: string | null;
	user_id: number;
	entity_type: string;
	type: string;
	hide: boolean;
}

/** `Template` response object (§2.6). */
export interface Template {
	id: number;
	name: string;
	subject: string | null;
	body_text: string;
	channels: number[] | null;
	template_usage: string;
	template_type: string[];
	query_type: string[] | null;
	order_status: string[] | null;
	delivery_date: string | null;
	active: boolean;
	order_fulfilment: string[] | null;
	created_at: string;
	message_subject: string | null;
	invoice_attached: boolean;
	only_use_if_no_replies_yet: boolean;
	ai_classification: { classification: string; quick_reply: boolean } | null;
	attachments: Attachment[];
}
