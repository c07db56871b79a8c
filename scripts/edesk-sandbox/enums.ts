/** Enumerations of the eDesk API, exactly as listed in edesk-api.md §6. Data only. */

/** Ticket status on responses and on create. */
export const TICKET_STATUSES = [
	'Scheduled',
	'Spam',
	'Archived',
	'Open',
	'Pending',
	'Closed',
] as const;

/** Ticket status accepted by the list filter and by update (the wide set). */
export const TICKET_STATUSES_WIDE = [
	...TICKET_STATUSES,
	'Unread',
	'Read',
	'Unpriority',
	'Priority',
] as const;

/** Ticket `type` / `filter_type_equals`. */
export const TICKET_TYPES = [
	'BuyerNotes',
	'Cancellation',
	'Chat',
	'Chatbot',
	'ContactBuyer',
	'ContactForm',
	'DefectiveItemReceived',
	'FeedbackReply',
	'Incident',
	'InvoiceRequest',
	'NegativeFeedback',
	'OfferQuery',
	'OrderAdjustment',
	'OrderClaim',
	'OrderQuery',
	'OrderShippingInquiry',
	'PaymentsQuery',
	'Presales',
	'ProductQuery',
	'PublicMessage',
	'Query',
	'Refund',
	'ResolutionCase',
	'ReturnRequest',
	'ReturnsQuery',
	'SampleQuery',
	'ShippingQuery',
	'SystemMessage',
	'WrongItemReceived',
] as const;

/** Template `query_type`: the ticket types minus Chatbot, OrderAdjustment, Refund. */
export const TEMPLATE_QUERY_TYPES = TICKET_TYPES.filter(
	(t) => t !== 'Chatbot' && t !== 'OrderAdjustment' && t !== 'Refund',
);

/** Message `type` values accepted on create. */
export const MESSAGE_CREATE_TYPES = ['Message', 'Note'] as const;

/** Message `direction` values accepted on create. */
export const MESSAGE_CREATE_DIRECTIONS = ['Incoming', 'Outgoing'] as const;

/** Sales order status. */
export const SALES_ORDER_STATUSES = [
	'OrderReceived',
	'PaymentReceived',
	'PaymentRejected',
	'PaymentAccepted',
	'OrderShipped',
	'InTransit',
	'Delivered',
	'Canceled',
	'Returned',
	'Hold',
] as const;

/** Sales order `delivery_type` (request). */
export const DELIVERY_TYPES = ['Expedited', 'NextDay', 'SecondDay', 'Standard'] as const;

/** Order-note attachment type. */
export const ATTACHMENT_TYPES = ['Other', 'Invoice'] as const;

/** Tag colours (hex without '#'). */
export const TAG_COLORS = [
	'757575',
	'F44336',
	'E91E63',
	'9C27B0',
	'673AB7',
	'3F51B5',
	'2196F3',
	'03A9F4',
	'00BCD4',
	'009688',
	'4CAF50',
	'8BC34A',
	'FFA000',
	'FB8C00',
	'FF5722',
	'795548',
	'607D8B',
	'000000',
	'F68843',
	'3BB9FB',
	'8488E7',
	'2C6DEF',
	'FFDF7E',
	'CFAAF8',
	'B6D44C',
	'F480B6',
	'EB3F48',
	'76767B',
	'D682C8',
] as const;

/** Tag icons. */
export const TAG_ICONS = [
	'folder',
	'heart',
	'hashtag',
	'automobile',
	'ban',
	'bank',
	'bell',
	'bolt',
	'bullhorn',
	'bullseye',
	'calendar',
	'check',
	'close',
	'cog',
	'comment',
	'comments',
	'exclamation',
	'eye',
	'flag',
	'gift',
	'group',
	'globe',
	'info',
	'legal',
	'magic',
	'money',
	'plane',
	'plug',
	'print',
	'recycle',
	'refresh',
	'reply',
	'smile',
	'star',
	'support',
	'tint',
	'tree',
	'user',
	'users',
	'unlock',
	'wheelchair',
	'wrench',
	'euro',
	'gbp',
	'remove',
	'dropbox',
	'truck',
	'dollar',
	'phone',
	'adjust',
	'adn',
	'ambulance',
	'anchor',
] as const;

/** Template `template_usage` accepted on requests. */
export const TEMPLATE_USAGES_REQUEST = ['Manual', 'ManualAuto'] as const;

/** Template `template_type` accepted on requests. */
export const TEMPLATE_TYPES_REQUEST = ['Consumer', 'Internal', 'External'] as const;

/** Template `delivery_date`. */
export const TEMPLATE_DELIVERY_DATES = ['Within', 'Outside'] as const;

/** Template `order_fulfilment`. */
export const ORDER_FULFILMENTS = ['FBA', 'MerchantFulfilled'] as const;

/** AI classification labels (templates; the sandbox uses them for tickets too). */
export const AI_CLASSIFICATIONS = [
	'WhereOrder',
	'ShipmentInstructions',
	'PreorderShipmentInquiry',
	'GiftPurchase',
	'FaultyItem',
	'WrongItem',
	'MissingItems',
	'Damaged',
	'DontFit',
	'NotAsDescribed',
	'Warranty',
	'OtherReturn',
	'RefundRequest',
	'CancellationRequest',
	'PaymentIssue',
	'InvoiceRequest',
	'NoResponseNeeded',
	'HappyCustomer',
	'OutOfOffice',
	'OrderIssue',
	'ProductQuery',
	'TrackingCodeRequest',
	'UnhappyCustomer',
	'Replacement',
	'EvidenceReceived',
] as const;

/** List sort keys for tickets and sales orders. */
export const ORDER_BY_FIELDS = ['id', 'created_at', 'last_updated_at'] as const;

/** List sort directions. */
export const ORDER_DIRECTIONS = ['asc', 'desc'] as const;
