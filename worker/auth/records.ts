/** Shapes of what edesk-mcp keeps in KV. Raw URL tokens and plaintext eDesk credentials never appear here. */
import * as z from 'zod/mini';

/**
 * How a server shows its tools: `all` lists them in tools/list; `discovery` lists only search_tools,
 * get_tool_schema and call_tool, which reach the same tools (worker/tools/discovery/meta-tools.ts).
 */
export const TOOL_EXPOSURES = ['all', 'discovery'] as const;
export type ToolExposure = (typeof TOOL_EXPOSURES)[number];

/** Which tools an MCP server exposes, how it lists them and whether it also needs an API token. */
export const ServerConfigSchema = z.object({
	methods: z._default(z.array(z.string()), ['read']),
	tags: z._default(z.array(z.string()), []),
	require_api_token_auth: z._default(z.boolean(), false),
	/** Records written before discovery mode have none: they list all their tools, as they always did. */
	tool_exposure: z._default(z.enum(TOOL_EXPOSURES), 'all'),
});
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

/** An MCP server: one URL token scoped to one integrated account. Stored under `token:<sha256>`. */
export const McpServerRecordSchema = z.object({
	id: z.string().check(z.minLength(1)),
	account_id: z.string().check(z.minLength(1)),
	name: z.string(),
	config: ServerConfigSchema,
	token_hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
	expires_at: z._default(z.nullable(z.iso.datetime({ offset: true })), null),
	created_at: z.string(),
	/** True when the record was written straight into KV (contractor tokens) rather than by the API. */
	seeded: z.optional(z.boolean()),
	/** True once a TokenExpiry alarm has been set for `expires_at`. */
	expiry_scheduled: z.optional(z.boolean()),
});
export type McpServerRecord = z.infer<typeof McpServerRecordSchema>;

/** AES-GCM ciphertext of an eDesk API token (base64 parts). */
export const EncryptedSecretSchema = z.object({
	iv: z.string(),
	ciphertext: z.string(),
});
export type EncryptedSecret = z.infer<typeof EncryptedSecretSchema>;

/** A connected eDesk account. Stored under `account:<id>`. */
export const AccountRecordSchema = z.object({
	id: z.string().check(z.minLength(1)),
	name: z.string(),
	base_url: z.url(),
	credential: EncryptedSecretSchema,
	edesk_user: z.optional(
		z.object({
			id: z.optional(z.number()),
			name: z.optional(z.string()),
			email: z.optional(z.string()),
		}),
	),
	created_at: z.string(),
});
export type AccountRecord = z.infer<typeof AccountRecordSchema>;

/** A revoked API token, by its `jti`. Stored under `api-token-revoked:<jti>` until the token would have expired. */
export const ApiTokenRevocationSchema = z.object({
	jti: z.string().check(z.minLength(1)),
	revoked_at: z.string(),
	/** When the deny-list entry may go: no token with this jti is valid after it. */
	expires_at: z.iso.datetime({ offset: true }),
	revoked_by: z.string(),
	reason: z.optional(z.string()),
});
export type ApiTokenRevocation = z.infer<typeof ApiTokenRevocationSchema>;
