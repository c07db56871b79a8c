/** zod response bodies of the management API, for its OpenAPI document; checked at compile time against the view types the handlers return. */
import * as z from 'zod/mini';
import { ACTIVITY_CURSOR, type ActivityEntry } from '../activity/activity-entry';
import { TOOL_EXPOSURES, type ApiTokenRevocation } from '../auth/records';
import type { GrantView } from '../oauth/grants';
import type { ToolMethod } from '../tools/tool-spec';
import type { ActivityView } from './activity-handlers';
import type * as Ui from '../admin-ui/types';
import type { AccountView, ServerView } from './views';

/** An ISO 8601 date-time as the Worker writes it (`Date#toISOString`). */
export const DateTimeSchema = z.iso.datetime({ offset: true });
/** A whole number of zero or more. */
const CountSchema = z.int().check(z.minimum(0));
const ToolMethodSchema = z.enum(['list', 'get', 'create', 'update', 'delete']);

/** Who the eDesk API token belongs to, from eDesk `/whoami` at connection time. */
export const EdeskUserSchema = z.strictObject({
	id: z.optional(z.number()),
	name: z.optional(z.string()),
	email: z.optional(z.string()),
});

/** An integrated account: never its eDesk API token. */
export const AccountViewSchema = z.strictObject({
	id: z.string(),
	name: z.string(),
	base_url: z.url(),
	edesk_user: z.optional(EdeskUserSchema),
	created_at: DateTimeSchema,
});

/** `all`: tools/list holds the server's tools; `discovery`: only search_tools, get_tool_schema and call_tool, which reach them. */
const ToolExposureSchema = z.enum(TOOL_EXPOSURES);

/** Which tools an MCP server exposes, how it lists them and whether it also needs an API token. */
export const ServerConfigViewSchema = z.strictObject({
	methods: z.array(z.string()),
	tags: z.array(z.string()),
	require_api_token_auth: z.boolean(),
	tool_exposure: ToolExposureSchema,
});

/** An MCP server with its activity figures: never its URL token. */
export const ServerViewSchema = z.strictObject({
	id: z.string(),
	account_id: z.string(),
	name: z.string(),
	config: ServerConfigViewSchema,
	expires_at: z.nullable(DateTimeSchema),
	created_at: DateTimeSchema,
	seeded: z.boolean(),
	last_used_at: z.nullable(DateTimeSchema),
	calls_24h: CountSchema,
	errors_24h: CountSchema,
});

/** A server just created: its view plus the URL token and the MCP URL, shown this once only. */
export const CreatedServerSchema = z.extend(ServerViewSchema, {
	token: z.string(),
	url: z.url(),
});

/** `{ data: [...] }` of `item`. */
function listOf<T extends z.ZodMiniType>(item: T) {
	return z.strictObject({ data: z.array(item) });
}

export const AccountListSchema = listOf(AccountViewSchema);
export const ServerListSchema = listOf(ServerViewSchema);

/** `GET /integrated-account/meta`: the config vocabulary of this deployment. */
export const CatalogMetaSchema = z.strictObject({
	methods: z.array(z.string()),
	method_groups: z.record(z.string(), z.array(ToolMethodSchema)),
	tags: z.array(z.string()),
	tool_count: CountSchema,
	/** The values `config.tool_exposure` may take. */
	tool_exposures: z.array(ToolExposureSchema),
	/** What a discovery server lists in tools/list instead of its tools. */
	discovery_tools: z.array(z.string()),
	default_base_url: z.url(),
	sandbox_base_url: z.nullable(z.url()),
	name_max_chars: CountSchema,
	min_expiry_ahead_seconds: CountSchema,
	max_expiry_ahead_days: CountSchema,
	oauth_mcp_url: z.url(),
});

/** One tool a config would expose. */
export const PreviewToolSchema = z.strictObject({
	name: z.string(),
	description: z.string(),
	method: ToolMethodSchema,
});

/**
 * `POST …/mcp/preview`: the server's tools and their number, what tools/list holds (those tools, or a
 * discovery server's three meta-tools) and its size in tokens.
 */
export const PreviewResultSchema = z.strictObject({
	tools: z.array(PreviewToolSchema),
	count: CountSchema,
	tool_exposure: ToolExposureSchema,
	listed: z.array(z.string()),
	tokens_estimate: CountSchema,
});

/** One tools/call in a server's activity log (never an argument's text or a result). */
export const ActivityEntryViewSchema = z.strictObject({
	id: z.string(),
	at: DateTimeSchema,
	tool: z.string(),
	outcome: z.enum(['ok', 'error', 'refused']),
	error_code: z.nullable(z.string()),
	status: z.nullable(z.int()),
	duration_ms: CountSchema,
	via: z.enum(['url', 'oauth']),
	client_id: z.nullable(z.string()),
	grant_id: z.nullable(z.string()),
	record_ids: z.record(z.string(), z.union([z.int(), z.array(z.int())])),
	payload_bytes: z.nullable(CountSchema),
});

/** A page of the activity log, newest first; `next_cursor` (null on the last page) continues with older records. */
export const ActivityPageSchema = z.strictObject({
	data: z.array(ActivityEntryViewSchema),
	next_cursor: z.nullable(z.string().check(z.regex(ACTIVITY_CURSOR))),
});

/** An OAuth grant of a server: never a token. */
export const GrantViewSchema = z.strictObject({
	id: z.string(),
	client_id: z.string(),
	client_name: z.nullable(z.string()),
	scope: z.readonly(z.array(z.string())),
	created_at: DateTimeSchema,
	expires_at: z.nullable(DateTimeSchema),
});

/** A grant as listed: with when it was last used (from the activity log). */
export const ListedGrantSchema = z.extend(GrantViewSchema, {
	last_used_at: z.nullable(DateTimeSchema),
});

export const GrantListSchema = listOf(ListedGrantSchema);

/** A revoked API token, by its `jti`: refused until `expires_at`. */
export const ApiTokenRevocationViewSchema = z.strictObject({
	jti: z.string(),
	revoked_at: DateTimeSchema,
	expires_at: DateTimeSchema,
	revoked_by: z.string(),
	reason: z.optional(z.string()),
});

export const RevocationListSchema = listOf(ApiTokenRevocationViewSchema);

/** `DELETE /integrated-account/:id`: the account is gone, with how many MCP servers were revoked. */
export const AccountDeletedSchema = z.strictObject({
	id: z.string(),
	deleted: z.literal(true),
	revoked_mcp_servers: CountSchema,
});

/** `DELETE …/mcp/:mcp_id`: the server's URL no longer works. */
export const ServerDeletedSchema = z.strictObject({
	id: z.string(),
	deleted: z.literal(true),
});

/** `DELETE …/grants/:grant_id`: the sign-in and all its tokens are ended. */
export const GrantRevokedSchema = z.strictObject({
	id: z.string(),
	revoked: z.literal(true),
});

/** The error envelope with `code` one of `codes`; `details` lists a 400's problems one per line. */
export function errorBodySchema(codes: readonly [string, ...string[]]) {
	return z.strictObject({
		error: z.strictObject({
			code: z.enum(codes),
			message: z.string(),
			details: z.optional(z.array(z.string())),
		}),
	});
}

/** True when `A` and `B` are the same type (not merely assignable either way). */
type Equal<A, B> =
	(<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
/** `T` as a plain object type, so an intersection compares equal to the object it spells. */
type Flat<T> = { [K in keyof T]: T[K] };

/** `npm run typecheck` fails here when a view type and its schema no longer describe the same body. */
export type ResponseSchemaChecks = [
	Assert<Equal<z.infer<typeof AccountViewSchema>, AccountView>>,
	Assert<Equal<z.infer<typeof ServerViewSchema>, ServerView>>,
	Assert<Equal<z.infer<typeof GrantViewSchema>, GrantView>>,
	Assert<Equal<z.infer<typeof ApiTokenRevocationViewSchema>, ApiTokenRevocation>>,
	Assert<Equal<z.infer<typeof ActivityEntryViewSchema>, Flat<ActivityView>>>,
	Assert<Equal<z.infer<typeof ActivityEntryViewSchema>['outcome'], ActivityEntry['outcome']>>,
	Assert<Equal<z.infer<typeof PreviewToolSchema>['method'], ToolMethod>>,
];

type Extends<A, B> = [A] extends [B] ? true : false;

/**
 * `npm run typecheck` fails here when an answer no longer gives the management page
 * (worker/admin-ui/types.ts) what it reads: each documented body must be assignable to the page's type.
 */
export type PageTypeChecks = [
	Assert<Extends<z.infer<typeof AccountViewSchema>, Ui.Account>>,
	Assert<Extends<z.infer<typeof ServerViewSchema>, Ui.Server>>,
	Assert<Extends<z.infer<typeof CreatedServerSchema>, Ui.CreatedServer>>,
	Assert<Extends<z.infer<typeof CatalogMetaSchema>, Ui.Meta>>,
	Assert<Extends<z.infer<typeof PreviewResultSchema>, Ui.Preview>>,
	Assert<Extends<z.infer<typeof ActivityPageSchema>, Ui.Page<Ui.ActivityEntry>>>,
	Assert<Extends<z.infer<typeof ListedGrantSchema>, Ui.Grant>>,
];

/** A documented body as a handler may build it: every array and object read-only. */
export type BodyOf<S extends z.ZodMiniType> = DeepReadonly<z.infer<S>>;
type DeepReadonly<T> = T extends (infer U)[]
	? readonly DeepReadonly<U>[]
	: T extends object
		? { readonly [K in keyof T]: DeepReadonly<T[K]> }
		: T;
