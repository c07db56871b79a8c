/** zod request bodies of the management API, and how their failures read to a person. */
import { z } from 'zod';

/** Longest name accepted for an account or MCP server. */
export const NAME_MAX_CHARS = 100;

/** A type error that says "is required" when the field is absent, else `message`. */
function typeError(message: string): (issue: { input?: unknown }) => string {
	return (issue) => (issue.input === undefined ? 'is required' : message);
}

const NameSchema = z
	.string({ error: typeError('must be a string') })
	.trim()
	.min(1, 'must not be empty')
	.max(NAME_MAX_CHARS, `must be at most ${NAME_MAX_CHARS} characters`);

const ExpiresAtSchema = z
	.string({ error: typeError('must be an ISO 8601 date-time string or null') })
	.pipe(z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2030-01-31T17:00:00Z' }))
	.nullable();

/** `POST /integrated-account`. */
export const CreateAccountBodySchema = z.strictObject({
	name: NameSchema,
	api_token: z.string({ error: typeError('must be a string (the eDesk API token)') }).trim().min(1, 'must not be empty').max(4096),
	base_url: z.string({ error: 'must be a string' }).trim().max(2048).optional(),
});
export type CreateAccountBody = z.infer<typeof CreateAccountBodySchema>;

/** A (possibly partial) MCP server config as sent by a client. */
export const ConfigInputSchema = z.strictObject({
	methods: z.array(z.string({ error: 'must be a string' }).trim(), { error: 'must be an array of strings' }).max(20).optional(),
	tags: z.array(z.string({ error: 'must be a string' }).trim(), { error: 'must be an array of strings' }).max(100).optional(),
	require_api_token_auth: z.boolean({ error: 'must be true or false' }).optional(),
});
export type ConfigInput = z.infer<typeof ConfigInputSchema>;

/** `POST /integrated-account/:id/mcp`. */
export const CreateServerBodySchema = z.strictObject({
	name: NameSchema,
	config: ConfigInputSchema.optional(),
	expires_at: ExpiresAtSchema.optional(),
});
export type CreateServerBody = z.infer<typeof CreateServerBodySchema>;

/** `PATCH /integrated-account/:id/mcp/:mcp_id`: any of name, config (merged shallowly), expires_at (null clears). */
export const UpdateServerBodySchema = z
	.strictObject({
		name: NameSchema.optional(),
		config: ConfigInputSchema.optional(),
		expires_at: ExpiresAtSchema.optional(),
	})
	.refine((b) => b.name !== undefined || b.config !== undefined || b.expires_at !== undefined, {
		message: 'send at least one of name, config, expires_at',
	});
export type UpdateServerBody = z.infer<typeof UpdateServerBodySchema>;

/** `POST /integrated-account/:id/mcp/preview`. */
export const PreviewBodySchema = z.strictObject({
	config: ConfigInputSchema.optional(),
});

/** One `path: message` line per zod issue (a ZodError itself never reaches the wire). */
export function toIssueLines(error: z.ZodError): string[] {
	return error.issues.map((issue) => {
		const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
		const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
		return `${path}: ${missing ? 'is required' : issue.message}`;
	});
}
