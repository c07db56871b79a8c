/** MCP protocol constants: the versions of both eras, server info, capabilities, instructions and caching hints. */
/** The stateless revision (2026-07-28 and later): per-request `_meta`, no initialize. */
export const MODERN_PROTOCOL_VERSIONS = ['2026-07-28'] as const;
/** The initialize-era revisions; the first is what `initialize` offers a client asking for an unknown one. */
export const LEGACY_PROTOCOL_VERSIONS = [
	'2025-11-25',
	'2025-06-18',
	'2025-03-26',
	'2024-11-05',
] as const;
/** Every version this server speaks, newest first: `server/discover` and UnsupportedProtocolVersion list these. */
export const SUPPORTED_PROTOCOL_VERSIONS = [
	...MODERN_PROTOCOL_VERSIONS,
	...LEGACY_PROTOCOL_VERSIONS,
] as const;

export type ModernProtocolVersion = (typeof MODERN_PROTOCOL_VERSIONS)[number];
export type LegacyProtocolVersion = (typeof LEGACY_PROTOCOL_VERSIONS)[number];
export type ProtocolVersion = (typeof SUPPORTED_PROTOCOL_VERSIONS)[number];

/** MCP 2025-06-18 transports: a missing MCP-Protocol-Version header means 2025-03-26. */
export const DEFAULT_PROTOCOL_VERSION: LegacyProtocolVersion = '2025-03-26';
/** Batches exist only in 2025-03-26 (removed in 2025-06-18). */
export const BATCH_PROTOCOL_VERSIONS: readonly string[] = ['2025-03-26'];
/** Most messages one batch may hold; a larger batch gets 400 before any of it runs. */
export const MAX_BATCH_ITEMS = 20;

/** Request `_meta` keys of MCP 2026-07-28 (basic/index §Request metadata). */
export const META = {
	protocolVersion: 'io.modelcontextprotocol/protocolVersion',
	clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
	clientInfo: 'io.modelcontextprotocol/clientInfo',
	serverInfo: 'io.modelcontextprotocol/serverInfo',
	subscriptionId: 'io.modelcontextprotocol/subscriptionId',
} as const;

export const SERVER_INFO = { name: 'edesk-mcp', title: 'eDesk', version: '0.1.0' } as const;

/** Legacy `initialize` capabilities: tools, and no list-changed notifications (no GET stream). */
export const SERVER_CAPABILITIES = { tools: { listChanged: false } } as const;
/** 2026-07-28 `server/discover` capabilities: tools; `listChanged` is not offered (see README). */
export const MODERN_CAPABILITIES = { tools: {} } as const;

/** `ttlMs` of `server/discover`: versions, capabilities and instructions change only with a deploy. */
export const DISCOVER_TTL_MS = 3_600_000;

/** Server-wide guidance; the first 512 characters stand on their own (OpenAI guidance). */
export const SERVER_INSTRUCTIONS =
	'eDesk helpdesk tools for one connected eDesk account. Tickets hold customer conversations; ' +
	'a ticket links a contact (contact_id), a store channel (channel_id) and often a sales order ' +
	"(sales_order_id). Read messages through a ticket's messages_ids. Amazon hides buyer emails: find " +
	'the contact with list_all_e_desk_contacts, then filter tickets by contact id. List tools page with ' +
	'limit and next_cursor (pass it back unchanged). Prefer a Note (internal) unless the user asks to ' +
	'send a reply; a Message reaches the customer and cannot be recalled.';

/** The initialize era's refusal of an MCP-Protocol-Version header it does not know (as the TS SDK words it). */
export function unsupportedVersionMessage(header: string): string {
	return `Bad Request: Unsupported protocol version: ${header.slice(0, 40)} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`;
}

/** True when `v` is a version of either era this server speaks. */
export function isSupportedVersion(v: string): v is ProtocolVersion {
	return (SUPPORTED_PROTOCOL_VERSIONS as readonly string[]).includes(v);
}

/** True when `v` is an initialize-era version this server speaks. */
export function isLegacyVersion(v: string): v is LegacyProtocolVersion {
	return (LEGACY_PROTOCOL_VERSIONS as readonly string[]).includes(v);
}

/** True when `v` is a stateless-era version this server speaks. */
export function isModernVersion(v: string): v is ModernProtocolVersion {
	return (MODERN_PROTOCOL_VERSIONS as readonly string[]).includes(v);
}
