/**
 * Tool sets written out by hand from the catalogue's tags and methods (schemas/), so tests of the
 * filters compare against a list nobody computed with filterTools, the function under test.
 *
 * ChatGPT's `search` (method list) and `fetch` (method get) come last, after the derived tools, as in
 * the catalogue (worker/tools/catalog.ts). They carry the tags tickets and orders, so every read set
 * below whose tags name either has them (reading only that side; README "ChatGPT search and fetch").
 */

/** `methods: ["read"]`, every tag: the list and get tools, in catalogue order. */
export const READ_TOOLS = [
	'list_all_e_desk_tickets',
	'get_single_e_desk_ticket_by_id',
	'get_single_e_desk_message_by_id',
	'list_all_e_desk_contacts',
	'list_all_e_desk_sales_orders',
	'get_single_e_desk_sales_order_by_id',
	'get_single_e_desk_sales_order_tracking_link_by_id',
	'list_all_e_desk_order_notes',
	'get_single_e_desk_order_note_by_id',
	'list_all_e_desk_tags',
	'get_single_e_desk_tag_by_id',
	'list_all_e_desk_tag_groups',
	'list_all_e_desk_templates',
	'get_single_e_desk_template_by_id',
	'list_all_e_desk_channels',
	'list_all_e_desk_users',
	'get_single_e_desk_me',
	'search',
	'fetch',
] as const;

/** `methods: ["read"], tags: ["tickets"]` (contacts carry the tickets tag too). */
export const READ_TICKETS_TOOLS = [
	'list_all_e_desk_tickets',
	'get_single_e_desk_ticket_by_id',
	'get_single_e_desk_message_by_id',
	'list_all_e_desk_contacts',
	'search',
	'fetch',
] as const;

/** `methods: ["read", "create"], tags: ["tickets"]`. */
export const READ_CREATE_TICKETS_TOOLS = [
	'list_all_e_desk_tickets',
	'get_single_e_desk_ticket_by_id',
	'create_a_e_desk_ticket',
	'get_single_e_desk_message_by_id',
	'create_a_e_desk_message',
	'list_all_e_desk_contacts',
	'search',
	'fetch',
] as const;

/** `methods: ["read"], tags: ["orders"]`. */
export const READ_ORDERS_TOOLS = [
	'list_all_e_desk_contacts',
	'list_all_e_desk_sales_orders',
	'get_single_e_desk_sales_order_by_id',
	'get_single_e_desk_sales_order_tracking_link_by_id',
	'list_all_e_desk_order_notes',
	'get_single_e_desk_order_note_by_id',
	'search',
	'fetch',
] as const;
