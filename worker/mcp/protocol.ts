/** MCP protocol constants: supported versions, server info, capabilities and instructions. */

/** Newest first; the first entry is what the server offers when a client asks for an unknown one. */
export const SUPPORTED_PROTOCOL_VERSIONS = [
	'2025-11-25',
	'2025-06-18',
	'2025-03-26',
	'2024-11-05',
] as const;
export type ProtocolVersion = (typeof SUPPORTED_PROTOCOL_VERSIONS)[number];
/** MCP 2025-06-18 transports: a missing MCP-Protocol-Version header means 2025-03-26. */
export const DEFAULT_PROTOCOL_VERSION: ProtocolVersion = '2025-03-26';
/** Batches exist only in 2025-03-26 (removed in 2025-06-18). */
export const BATCH_PROTOCOL_VERSIONS: readonly string[] = ['2025-03-26'];
/** Most messages one batch may hold; a larger batch gets 400 before any of it runs. */
export const MAX_BATCH_ITEMS = 20;

export const SERVER_INFO = { name: 'edesk-mcp', title: 'eDesk', version: '0.1.0' } as const;

export const SERVER_CAPABILITIES = { tools: { listChanged: false } } as const;

/** Server-wide guidance; the first 512 characters stand on their own (OpenAI guidance). */
export const SERVER_INSTRUCTIONS =
	'eDesk helpdesk tools for one connected eDesk account. Tickets hold customer conversations; ' +
	'a ticket links a contact (contact_id), a store channel (channel_id) and often a sales order ' +
	"(sales_order_id). Read messages through a ticket's messages_ids. Amazon hides buyer emails: find " +
	'the contact with list_all_e_desk_contacts, then filter tickets by contact id. List tools page with ' +
	'limit and next_cursor (pass it back unchanged). Prefer a Note (internal) unless the user asks to ' +
	'send a reply; a Message reaches the customer and cannot be recalled.';

/** True when `v` is a protocol version this server speaks. */
export function isSupportedVersion(v: string): v is ProtocolVersion {
	return (SUPPORTED_PROTOCOL_VERSIONS as readonly string[]).includes(v);
}
