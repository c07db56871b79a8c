/** zod request bodies of the management API, and how their failures read to a person. */
import * as z from 'zod/mini';
import { TOOL_EXPOSURES } from '../auth/records';

/** Longest name accepted for an account or MCP server. */
export const NAME_MAX_CHARS = 100;

/** A type error that says "is required" when the field is absent, else `message`. */
function typeError(message: string): (issue: { input?: unknown }) => string {
	return (issue) => (issue.input === undefined ? 'is required' : message);
}

const NameSchema = z
	.string({ error: typeError('must be a string') })
	.check(
		z.trim(),
		z.minLength(1, 'must not be empty'),
		z.maxLength(NAME_MAX_CHARS, `must be at most ${NAME_MAX_CHARS} characters`),
	);

const ExpiresAtSchema = z.nullable(
	z.pipe(
		z.string({ error: typeError('must be an ISO 8601 date-time string or null') }),
		z.iso.datetime({
			offset: true,
			error: 'must be an ISO 8601 date-time such as 2030-01-31T17:00:00Z',
		}),
	),
);

/** `POST /integrated-account`. */
export const CreateAccountBodySchema = z.strictObject(
	{
		name: NameSchema,
		api_token: z
			.string({ error: typeError('must be a string (the eDesk API token)') })
			.check(
				z.trim(),
				z.minLength(1, 'must not be empty'),
				z.maxLength(4096, 'must be at most 4096 characters'),
			),
		base_url: z.optional(
			z
				.string({ error: 'must be a string' })
				.check(z.trim(), z.maxLength(2048, 'must be at most 2048 characters')),
		),
	},
	{ error: unknownKeys },
);
export type CreateAccountBody = z.infer<typeof CreateAccountBodySchema>;

const StringList = (max: number) =>
	z
		.array(z.string({ error: 'must be a string' }).check(z.trim()), {
			error: 'must be an array of strings',
		})
		.check(z.maxLength(max, `must have at most ${max} entries`));

/** A (possibly partial) MCP server config as sent by a client. */
export const ConfigInputSchema = z.strictObject(
	{
		methods: z.optional(StringList(20)),
		tags: z.optional(StringList(100)),
		require_api_token_auth: z.optional(z.boolean({ error: 'must be true or false' })),
		tool_exposure: z.optional(
			z.enum(TOOL_EXPOSURES, {
				error: `must be one of ${TOOL_EXPOSURES.map((e) => `"${e}"`).join(', ')}`,
			}),
		),
	},
	{ error: unknownKeys },
);
export type ConfigInput = z.infer<typeof ConfigInputSchema>;

/** `POST /integrated-account/:id/mcp`. */
export const CreateServerBodySchema = z.strictObject(
	{
		name: NameSchema,
		config: z.optional(ConfigInputSchema),
		expires_at: z.optional(ExpiresAtSchema),
	},
	{ error: unknownKeys },
);
export type CreateServerBody = z.infer<typeof CreateServerBodySchema>;

/** `PATCH /integrated-account/:id/mcp/:mcp_id`: any of name, config (merged shallowly), expires_at (null clears). */
export const UpdateServerBodySchema = z
	.strictObject(
		{
			name: z.optional(NameSchema),
			config: z.optional(ConfigInputSchema),
			expires_at: z.optional(ExpiresAtSchema),
		},
		{ error: unknownKeys },
	)
	.check(
		z.refine((b) => b.name !== undefined || b.config !== undefined || b.expires_at !== undefined, {
			message: 'send at least one of name, config, expires_at',
		}),
	);
export type UpdateServerBody = z.infer<typeof UpdateServerBodySchema>;

/** `POST /api-tokens/revocations`: the `jti` of the API token to refuse from now on. */
export const RevokeApiTokenBodySchema = z.strictObject(
	{
		jti: z
			.string({ error: typeError('must be a string (the jti claim of the API token)') })
			.check(
				z.trim(),
				z.regex(/^[A-Za-z0-9._-]{1,128}$/, 'must be 1 to 128 letters, digits, ".", "_" or "-"'),
			),
		expires_at: z.optional(
			z.pipe(
				z.string({ error: typeError('must be an ISO 8601 date-time string') }),
				z.iso.datetime({
					offset: true,
					error: 'must be an ISO 8601 date-time such as 2030-01-31T17:00:00Z',
				}),
			),
		),
		reason: z.optional(
			z
				.string({ error: 'must be a string' })
				.check(z.trim(), z.maxLength(200, 'must be at most 200 characters')),
		),
	},
	{ error: unknownKeys },
);

/** `POST /integrated-account/:id/mcp/preview`. */
export const PreviewBodySchema = z.strictObject(
	{ config: z.optional(ConfigInputSchema) },
	{ error: unknownKeys },
);

/** Messages for an object-level failure: unknown keys, or not an object at all. */
function unknownKeys(issue: { code?: string; keys?: string[]; input?: unknown }): string {
	if (issue.code === 'unrecognized_keys' && issue.keys)
		return `unknown field(s): ${issue.keys.join(', ')}`;
	return issue.input === undefined ? 'is required' : 'must be a JSON object';
}

/**
 * One `path: message` line per zod issue (a ZodError itself never reaches the wire); an issue of the
 * whole value is named `root` (the request body, or a query).
 */
export function toIssueLines(error: z.core.$ZodError, root = 'body'): string[] {
	return error.issues.map((issue) => {
		const path = issue.path.length > 0 ? issue.path.map(String).join('.') : root;
		return `${path}: ${issue.message}`;
	});
}
