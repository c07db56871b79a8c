/** The OpenAPI 3.1 document of the management API, built with zod-openapi from the routes' zod schemas. Build time only: never imported by the Worker. */
import * as z from 'zod/mini';
import {
	createDocument,
	type ZodOpenApiOperationObject,
	type ZodOpenApiResponseObject,
	type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { SERVER_INFO } from '../mcp/protocol';
import { ACTIVITY_PAGE_DEFAULT, ACTIVITY_PAGE_MAX, ActivityQuerySchema } from './activity-handlers';
import {
	AccountDeletedSchema,
	AccountListSchema,
	AccountViewSchema,
	ActivityEntryViewSchema,
	ActivityPageSchema,
	ApiTokenRevocationViewSchema,
	CatalogMetaSchema,
	CreatedServerSchema,
	DateTimeSchema,
	EdeskUserSchema,
	errorBodySchema,
	GrantListSchema,
	GrantRevokedSchema,
	ListedGrantSchema,
	PreviewResultSchema,
	PreviewToolSchema,
	RevocationListSchema,
	ServerConfigViewSchema,
	ServerDeletedSchema,
	ServerListSchema,
	ServerViewSchema,
} from './response-schemas';
import { ID_SHAPE } from './routes';
import {
	ConfigInputSchema,
	CreateAccountBodySchema,
	CreateServerBodySchema,
	PreviewBodySchema,
	RevokeApiTokenBodySchema,
	UpdateServerBodySchema,
} from './schemas';

const IdSchema = z.string().check(z.regex(ID_SHAPE));
const AccountParams = z.strictObject({
	id: IdSchema.check(z.describe('The integrated account id.')),
});
const ServerParams = z.extend(AccountParams, {
	mcp_id: IdSchema.check(z.describe('The MCP server id.')),
});
const GrantParams = z.extend(ServerParams, {
	grant_id: IdSchema.check(z.describe('The OAuth grant id.')),
});
const { limit, cursor, since } = ActivityQuerySchema.shape;
const ActivityQuery = z.strictObject({
	limit: limit.check(
		z.describe(`Records per page, 1 to ${ACTIVITY_PAGE_MAX} (default ${ACTIVITY_PAGE_DEFAULT}).`),
	),
	cursor: cursor.check(z.describe('The `next_cursor` of the previous page.')),
	since: since.check(z.describe('Only records at or after this ISO 8601 date-time.')),
});

const InvalidRequestError = errorBodySchema(['invalid_request']);
const InvalidAccountRequestError = errorBodySchema(['invalid_request', 'invalid_edesk_credential']);
const UnauthorizedError = errorBodySchema(['invalid_token']);
const ForbiddenError = errorBodySchema(['insufficient_scope']);
const NotFoundError = errorBodySchema(['not_found']);
const MethodNotAllowedError = errorBodySchema(['method_not_allowed']);
const ConflictError = errorBodySchema(['conflict']);
const PayloadTooLargeError = errorBodySchema(['payload_too_large']);
const UnsupportedMediaTypeError = errorBodySchema(['unsupported_media_type']);
const InternalError = errorBodySchema(['internal_error']);
const UpstreamUnavailableError = errorBodySchema(['upstream_unavailable']);

/** A JSON response of `schema`. */
function jsonResponse(
	description: string,
	schema: z.ZodMiniType,
	headers?: z.ZodMiniObject,
): ZodOpenApiResponseObject {
	return { description, content: { 'application/json': { schema } }, ...(headers && { headers }) };
}

const challenge = z.strictObject({
	'WWW-Authenticate': z.string().check(z.describe('The Bearer challenge (RFC 6750).')),
});

/** Error responses shared by operations, by name in components.responses. */
const ERRORS = {
	InvalidRequest: jsonResponse(
		'The body or query is not valid; `details` lists the problems.',
		InvalidRequestError,
	),
	Unauthorized: jsonResponse(
		'No API token, a bad or expired one, or a revoked one.',
		UnauthorizedError,
		challenge,
	),
	Forbidden: jsonResponse('The API token lacks the `admin` scope.', ForbiddenError, challenge),
	NotFound: jsonResponse(
		'No such account, MCP server or grant (or an id of the wrong shape).',
		NotFoundError,
	),
	MethodNotAllowed: jsonResponse(
		'Any method a path does not document; `Allow` lists those it does.',
		MethodNotAllowedError,
		z.strictObject({ Allow: z.string().check(z.describe('The methods of this path.')) }),
	),
	Conflict: jsonResponse(
		'The MCP server kept changing while the request was applied; try again.',
		ConflictError,
	),
	PayloadTooLarge: jsonResponse('The request body is too large.', PayloadTooLargeError),
	UnsupportedMediaType: jsonResponse(
		'The request body is not `application/json`.',
		UnsupportedMediaTypeError,
	),
	InternalError: jsonResponse('An unexpected failure (logged; never detailed).', InternalError),
} satisfies Record<string, ZodOpenApiResponseObject>;

type ErrorName = keyof typeof ERRORS;
const ref = (name: ErrorName) => ({ $ref: `#/components/responses/${name}` });

/** The status each shared error response is given under. */
const ERROR_STATUS: Record<ErrorName, `${4 | 5}${string}`> = {
	InvalidRequest: '400',
	Unauthorized: '401',
	Forbidden: '403',
	NotFound: '404',
	MethodNotAllowed: '405',
	Conflict: '409',
	PayloadTooLarge: '413',
	UnsupportedMediaType: '415',
	InternalError: '500',
};

/** One operation: `ok` responses plus the named errors, and 401, 403 and 500 on every one. */
function operation(
	tag: string,
	operationId: string,
	summary: string,
	ok: ZodOpenApiResponsesObject,
	errors: ErrorName[],
	extra: Pick<ZodOpenApiOperationObject, 'requestParams' | 'requestBody'> = {},
): ZodOpenApiOperationObject {
	const responses: ZodOpenApiResponsesObject = { ...ok };
	for (const name of [...errors, 'Unauthorized', 'Forbidden', 'InternalError'] as const) {
		responses[ERROR_STATUS[name]] ??= ref(name);
	}
	return { tags: [tag], operationId, summary, ...extra, responses };
}

/** The errors of a route that reads a JSON body. */
const BODY_ERRORS: ErrorName[] = ['InvalidRequest', 'PayloadTooLarge', 'UnsupportedMediaType'];

/** A JSON request body of `schema`. */
function jsonBody(schema: z.ZodMiniType, required = true, description?: string) {
	return {
		requestBody: {
			required,
			...(description && { description }),
			content: { 'application/json': { schema } },
		},
	};
}

const ACCOUNT = '/integrated-account/{id}';
const SERVERS = `${ACCOUNT}/mcp`;
const SERVER = `${SERVERS}/{mcp_id}`;

/** The OpenAPI 3.1 document of every management route (pure: the same document on every call). */
export function buildOpenApiDocument(): object {
	return createDocument({
		openapi: '3.1.0',
		info: {
			title: 'edesk-mcp management API',
			version: SERVER_INFO.version,
			description:
				'Connect eDesk accounts and create, change and revoke the MCP servers (URL tokens) that give AI assistants scoped access to them. Every route needs an API token with the `admin` scope; every answer carries `Cache-Control: no-store`.',
		},
		security: [{ apiToken: [] }],
		tags: [
			{ name: 'accounts', description: 'Integrated eDesk accounts.' },
			{ name: 'servers', description: 'MCP servers of an account.' },
			{ name: 'activity', description: 'What an MCP server was used for.' },
			{ name: 'grants', description: 'OAuth sign-ins of an MCP server.' },
			{ name: 'api-tokens', description: 'The deny-list of API tokens.' },
		],
		paths: {
			'/integrated-account/meta': {
				get: operation(
					'accounts',
					'getCatalogMeta',
					'What a server config may hold (methods, tags) and base-URL hints',
					{ 200: jsonResponse('The config vocabulary of this deployment.', CatalogMetaSchema) },
					[],
				),
			},
			'/integrated-account': {
				get: operation(
					'accounts',
					'listAccounts',
					'List integrated accounts, oldest first',
					{ 200: jsonResponse('Every account.', AccountListSchema) },
					[],
				),
				post: operation(
					'accounts',
					'createAccount',
					'Connect an eDesk account (its API token is checked with eDesk /whoami, then stored encrypted)',
					{
						201: jsonResponse('The account, without its API token.', AccountViewSchema),
						400: jsonResponse(
							'The body is not valid, base_url is not allowed, or eDesk refused the API token.',
							InvalidAccountRequestError,
						),
						502: jsonResponse(
							'eDesk could not be reached or did not answer in time.',
							UpstreamUnavailableError,
						),
					},
					BODY_ERRORS,
					jsonBody(CreateAccountBodySchema),
				),
			},
			[ACCOUNT]: {
				get: operation(
					'accounts',
					'getAccount',
					'Read one account',
					{ 200: jsonResponse('The account.', AccountViewSchema) },
					['NotFound'],
					{ requestParams: { path: AccountParams } },
				),
				delete: operation(
					'accounts',
					'deleteAccount',
					'Disconnect an account; every MCP server of it is revoked',
					{ 200: jsonResponse('The account is gone.', AccountDeletedSchema) },
					['NotFound'],
					{ requestParams: { path: AccountParams } },
				),
			},
			[SERVERS]: {
				get: operation(
					'servers',
					'listServers',
					'List the live MCP servers of an account, oldest first (never their tokens)',
					{ 200: jsonResponse('Every live server.', ServerListSchema) },
					['NotFound'],
					{ requestParams: { path: AccountParams } },
				),
				post: operation(
					'servers',
					'createServer',
					'Create an MCP server; its token and URL are shown this once only',
					{ 201: jsonResponse('The server with `token` and `url`.', CreatedServerSchema) },
					[...BODY_ERRORS, 'NotFound'],
					{ requestParams: { path: AccountParams }, ...jsonBody(CreateServerBodySchema) },
				),
			},
			[`${SERVERS}/preview`]: {
				post: operation(
					'servers',
					'previewServer',
					'The tools a config would expose, without creating anything',
					{ 200: jsonResponse('The tool list and its size.', PreviewResultSchema) },
					[...BODY_ERRORS, 'NotFound'],
					{
						requestParams: { path: AccountParams },
						...jsonBody(PreviewBodySchema, false, 'An empty body previews the default config.'),
					},
				),
			},
			[SERVER]: {
				get: operation(
					'servers',
					'getServer',
					'Read one live MCP server',
					{ 200: jsonResponse('The server.', ServerViewSchema) },
					['NotFound'],
					{ requestParams: { path: ServerParams } },
				),
				patch: operation(
					'servers',
					'updateServer',
					'Rename a server, change its filters (merged shallowly) or move or clear (null) its expiry',
					{ 200: jsonResponse('The server as changed.', ServerViewSchema) },
					[...BODY_ERRORS, 'NotFound', 'Conflict'],
					{ requestParams: { path: ServerParams }, ...jsonBody(UpdateServerBodySchema) },
				),
				delete: operation(
					'servers',
					'deleteServer',
					'Revoke a server: its URL stops working at once',
					{ 200: jsonResponse('The server is revoked.', ServerDeletedSchema) },
					['NotFound'],
					{ requestParams: { path: ServerParams } },
				),
			},
			[`${SERVER}/activity`]: {
				get: operation(
					'activity',
					'getActivity',
					"A server's activity log, newest first (a revoked server's log too, until it ages out)",
					{ 200: jsonResponse('One page of the log.', ActivityPageSchema) },
					['InvalidRequest', 'NotFound'],
					{ requestParams: { path: ServerParams, query: ActivityQuery } },
				),
			},
			[`${SERVER}/grants`]: {
				get: operation(
					'grants',
					'listGrants',
					"A server's active OAuth grants, oldest first (never a token)",
					{ 200: jsonResponse('Every grant.', GrantListSchema) },
					['NotFound'],
					{ requestParams: { path: ServerParams } },
				),
			},
			[`${SERVER}/grants/{grant_id}`]: {
				delete: operation(
					'grants',
					'revokeGrant',
					'End one OAuth sign-in: its refresh token and every access token',
					{ 200: jsonResponse('The grant is revoked.', GrantRevokedSchema) },
					['NotFound'],
					{ requestParams: { path: GrantParams } },
				),
			},
			'/api-tokens/revocations': {
				get: operation(
					'api-tokens',
					'listRevocations',
					'List revoked API tokens, newest first',
					{ 200: jsonResponse('Every entry still in force.', RevocationListSchema) },
					[],
				),
				post: operation(
					'api-tokens',
					'revokeApiToken',
					'Revoke an API token by its `jti`: from its next request on it gets 401',
					{ 201: jsonResponse('The deny-list entry.', ApiTokenRevocationViewSchema) },
					BODY_ERRORS,
					jsonBody(RevokeApiTokenBodySchema),
				),
			},
		},
		components: {
			securitySchemes: {
				apiToken: {
					type: 'http',
					scheme: 'bearer',
					bearerFormat: 'JWT',
					description:
						'An API token (JWT) with the `admin` scope: `npm run mint-api-token` (README "Management API").',
				},
			},
			schemas: {
				DateTime: DateTimeSchema,
				AccountView: AccountViewSchema,
				EdeskUser: EdeskUserSchema,
				AccountList: AccountListSchema,
				ServerView: ServerViewSchema,
				ServerConfig: ServerConfigViewSchema,
				CreatedServer: CreatedServerSchema,
				ServerList: ServerListSchema,
				CatalogMeta: CatalogMetaSchema,
				PreviewTool: PreviewToolSchema,
				PreviewResult: PreviewResultSchema,
				ActivityEntry: ActivityEntryViewSchema,
				ActivityPage: ActivityPageSchema,
				Grant: ListedGrantSchema,
				GrantList: GrantListSchema,
				ApiTokenRevocation: ApiTokenRevocationViewSchema,
				RevocationList: RevocationListSchema,
				AccountDeleted: AccountDeletedSchema,
				ServerDeleted: ServerDeletedSchema,
				GrantRevoked: GrantRevokedSchema,
				CreateAccountBody: CreateAccountBodySchema,
				ServerConfigInput: ConfigInputSchema,
				CreateServerBody: CreateServerBodySchema,
				UpdateServerBody: UpdateServerBodySchema,
				PreviewBody: PreviewBodySchema,
				RevokeApiTokenBody: RevokeApiTokenBodySchema,
				InvalidRequestError,
				InvalidAccountRequestError,
				UnauthorizedError,
				ForbiddenError,
				NotFoundError,
				MethodNotAllowedError,
				ConflictError,
				PayloadTooLargeError,
				UnsupportedMediaTypeError,
				InternalError,
				UpstreamUnavailableError,
			},
			responses: ERRORS,
		},
	});
}
