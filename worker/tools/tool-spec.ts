/** Types of the tool catalogue: derived ToolSpecs and the declarative schemas/ JSON they come from. Types only; no logic. */
import type { EdeskClient } from '../proxy/edesk-client';
import type { RateLimitInfo } from '../proxy/rate-limit';
import type { CallToolResult } from './tool-error';

/** The five Truto-style tool methods. */
export type ToolMethod = 'list' | 'get' | 'create' | 'update' | 'delete';
/** Upstream HTTP methods used by eDesk. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** Where a tool argument goes in the upstream request. */
export type ParamLocation = 'path' | 'query' | 'body';

/** Any JSON Schema node (kept loose; the catalogue only uses a safe subset). */
export type JsonSchema = Record<string, unknown>;

/** A tool's `inputSchema`: always a flat object root. */
export interface JsonSchemaObject {
	type: 'object';
	properties: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean;
	description?: string;
}

/** MCP tool annotations (2025-11-25 `ToolAnnotations`). */
export interface ToolAnnotations {
	readOnlyHint: boolean;
	destructiveHint?: boolean;
	idempotentHint?: boolean;
	openWorldHint?: boolean;
}

/**
 * The annotations of a read tool that reaches no customer: MCP gives destructiveHint and idempotentHint
 * meaning only when readOnlyHint is false, and openWorldHint defaults to true, so it is sent.
 */
export const READ_ONLY_ANNOTATIONS: ToolAnnotations = { readOnlyHint: true, openWorldHint: false };

/** How a validated call maps onto the eDesk request. */
export interface UpstreamSpec {
	method: HttpMethod;
	/** Path template relative to the eDesk base URL, e.g. '/tickets/{id}'. */
	path: string;
	/** Tool argument name → location and upstream name. */
	params: Record<string, { in: ParamLocation; name: string }>;
	bodyEncoding: 'json' | 'multipart';
	/** 'array': the tool argument `body` is sent as the whole body. */
	bodyRoot: 'object' | 'array';
}

/** One MCP tool, as listed and as executed. */
export interface ToolSpec {
	name: string;
	description: string;
	method: ToolMethod;
	resource: string;
	/** Resource tags ∪ method tags. */
	tags: readonly string[];
	annotations: ToolAnnotations;
	/** Exactly what tools/list shows (list tools include `limit` and `next_cursor`). */
	inputSchema: JsonSchemaObject;
	upstream: UpstreamSpec;
	/** Top-level fields left out of each list item (bulky embeds the model can fetch with a get tool). */
	resultOmit: readonly string[];
	/** get and list tools: the fields of the record a result carries (what `fields` may name). */
	record?: RecordShape;
	/**
	 * Hand-written tools only (ChatGPT's `search` and `fetch`, worker/tools/chatgpt/): runs the call
	 * with the validated arguments in place of the one routed eDesk request. Derived tools have none.
	 */
	run?: (args: Record<string, unknown>, ctx: ToolRunContext) => Promise<ToolRunOutcome>;
}

/** What a hand-written tool's `run` may use: the account's eDesk client. */
export interface ToolRunContext {
	edesk: EdeskClient;
}

/** What a hand-written tool's `run` returns: the shape of execute.ts's ToolOutcome. */
export interface ToolRunOutcome {
	result: CallToolResult;
	/** Present when eDesk answered 429: the figures for the HTTP response headers. */
	rateLimit?: RateLimitInfo;
}

/** The fields of a record as eDesk returns it: objects by property, arrays by their items. */
export interface RecordShape {
	/** string, integer, number, boolean, object or array (schemas/format/resource.schema.json). */
	type: string;
	properties?: Record<string, RecordShape>;
	items?: RecordShape;
}

/** Query parameters of an operation, in JSON Schema `properties`/`required` form. */
export interface ParamGroup {
	properties: Record<string, JsonSchema>;
	required?: readonly string[];
}

/** One operation in schemas/resources/<resource>.json (see schemas/README.md). */
export interface MethodDefinition {
	operation_id: string;
	http_method: string;
	path: string;
	tags?: readonly string[];
	path_params?: Record<string, JsonSchema>;
	query?: ParamGroup;
	/** An object schema (its properties become arguments) or an array schema (argument `body`). */
	body?: JsonSchema;
	body_encoding?: string;
	/** Tool argument name → upstream field name, where they differ. */
	upstream_names?: Record<string, string>;
	/** List methods: top-level fields of each item left out of the tool result. */
	result_omit?: readonly string[];
}

/** One schemas/resources/<resource>.json file. */
export interface ResourceDefinition {
	resource: string;
	singular: string;
	plural: string;
	tags: readonly string[];
	/** The record a get returns and each item of a list (schemas/README.md). */
	record?: RecordShape;
	methods: Partial<Record<string, MethodDefinition>>;
}

/** One operation's documentation record in schemas/docs/<resource>.json. */
export interface DocRecord {
	description: string;
	reaches_customer?: boolean;
}

/** Documentation records by resource, then by method. */
export type DocRecords = Readonly<Record<string, Readonly<Partial<Record<string, DocRecord>>>>>;
