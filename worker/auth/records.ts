/** Shapes of what edesk-mcp keeps in KV. Raw URL tokens and plaintext eDesk credentials never appear here. */
import { z } from 'zod';

/** Which tools an MCP server exposes and whether it also needs an API token. */
export const ServerConfigSchema = z.object({
	methods: z.array(z.string()).default(['read']),
	tags: z.array(z.string()).default([]),
	require_api_token_auth: z.boolean().default(false),
});
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

/** An MCP server: one URL token scoped to one integrated account. Stored under `token:<sha256>`. */
export const McpServerRecordSchema = z.object({
	id: z.string().min(1),
	account_id: z.string().min(1),
	name: z.string(),
	config: ServerConfigSchema,
	token_hash: z.string().regex(/^[0-9a-f]{64}$/),
	expires_at: z.string().datetime({ offset: true }).nullable().default(null),
	created_at: z.string(),
	/** True when the record was written straight into KV (contractor tokens) rather than by the API. */
	seeded: z.boolean().optional(),
	/** True once a TokenExpiry alarm has been set for `expires_at`. */
	expiry_scheduled: z.boolean().optional(),
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
	id: z.string().min(1),
	name: z.string(),
	base_url: z.string().url(),
	credential: EncryptedSecretSchema,
	edesk_user: z
		.object({ id: z.number().optional(), name: z.string().optional(), email: z.string().optional() })
		.optional(),
	created_at: z.string(),
});
export type AccountRecord = z.infer<typeof AccountRecordSchema>;
