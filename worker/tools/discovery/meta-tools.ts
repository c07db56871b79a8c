/**
 * Discovery mode (`config.tool_exposure: "discovery"`): a server lists three meta-tools instead of
 * its tools. `search_tools` finds tools, `get_tool_schema` gives their definitions and `call_tool`
 * names the tool to run. Everything here sees only the server's own (filtered) tools. Pure; running
 * the named tool is the server context's job (worker/servers/server-context.ts).
 */
import { READ_ONLY_ANNOTATIONS, type ToolSpec } from '../tool-spec';
import { invalidArguments, jsonResult, toolError, type CallToolResult } from '../tool-error';
import { validateArgs } from '../validate-args';
import { toWireTool, type ListedTool } from '../wire-tool';
import { closestNames, searchTools } from './search';

export const SEARCH_TOOLS = 'search_tools';
export const GET_TOOL_SCHEMA = 'get_tool_schema';
export const CALL_TOOL = 'call_tool';
/** The names a discovery server lists, in its tools/list order. */
export const META_TOOL_NAMES: readonly string[] = [SEARCH_TOOLS, GET_TOOL_SCHEMA, CALL_TOOL];

/** search_tools: matches returned unless `limit` says otherwise, and at most. */
export const SEARCH_LIMIT_DEFAULT = 5;
export const SEARCH_LIMIT_MAX = 20;
/** get_tool_schema: names per call. */
export const SCHEMA_NAMES_MAX = 5;
/** Did-you-mean names offered for an unknown one. */
const SUGGESTIONS = 3;
/** One-line descriptions in search results are cut to this many characters. */
const SUMMARY_MAX_CHARS = 140;

/** A meta-tool: listed like a tool, its arguments checked against its inputSchema like a tool's. */
export type MetaTool = ListedTool;

/** The discovery face of one tool set: its three meta-tools, built once per tool set. */
export interface Discovery {
	/** The server's own tools (what search_tools searches and call_tool may run). */
	tools: readonly ToolSpec[];
	/** search_tools, get_tool_schema and call_tool, as tools/list shows them. */
	listed: readonly MetaTool[];
	/** The server's tools by name. */
	byName: ReadonlyMap<string, ToolSpec>;
	/** The resources the tools work on, as words: "tickets, sales orders, …". */
	resources: string;
}

const discoveries = new WeakMap<readonly ToolSpec[], Discovery>();

/** The meta-tools of `tools` (memoised per tool-set array, so tools/list is built once per set). */
export function discoveryOf(tools: readonly ToolSpec[]): Discovery {
	let discovery = discoveries.get(tools);
	if (!discovery) {
		const resources = [...new Set(tools.map((t) => t.resource.replace(/_/g, ' ')))].join(', ');
		discovery = Object.freeze({
			tools,
			listed: Object.freeze(metaTools(tools, resources)),
			byName: new Map(tools.map((t) => [t.name, t])),
			resources,
		});
		discoveries.set(tools, discovery);
	}
	return discovery;
}

function metaTools(tools: readonly ToolSpec[], resources: string): MetaTool[] {
	const writes = tools.filter((t) => !t.annotations.readOnlyHint);
	const reachCustomer = tools.filter((t) => t.annotations.openWorldHint).map((t) => t.name);
	let callNote = '';
	if (writes.length > 0) callNote += ' Tools with read_only false change eDesk data.';
	if (reachCustomer.length > 0)
		callNote += ` ${reachCustomer.join(', ')} can reach the customer: confirm with the user first.`;
	return [
		{
			name: SEARCH_TOOLS,
			description: `Find this server's eDesk tools by keywords, e.g. "list tickets", "order note", "tracking link". Returns the best matches: name, one-line description, method, read_only. Then get_tool_schema gives a tool's arguments and call_tool runs it. ${tools.length} tools, on: ${resources}.`,
			inputSchema: {
				type: 'object',
				properties: {
					query: {
						type: 'string',
						minLength: 1,
						maxLength: 200,
						description: 'Keywords: a resource, an action, a field',
					},
					limit: {
						type: 'integer',
						minimum: 1,
						maximum: SEARCH_LIMIT_MAX,
						default: SEARCH_LIMIT_DEFAULT,
						description: 'Most matches to return',
					},
				},
				required: ['query'],
				additionalProperties: false,
			},
			annotations: READ_ONLY_ANNOTATIONS,
		},
		{
			name: GET_TOOL_SCHEMA,
			description: `Full definitions of 1 to ${SCHEMA_NAMES_MAX} tools by exact name (from search_tools): description, inputSchema, annotations. Read a tool's inputSchema before call_tool. An unknown name gets the closest names.`,
			inputSchema: {
				type: 'object',
				properties: {
					names: {
						type: 'array',
						items: { type: 'string', maxLength: 100 },
						minItems: 1,
						maxItems: SCHEMA_NAMES_MAX,
						description: 'Exact tool names',
					},
				},
				required: ['names'],
				additionalProperties: false,
			},
			annotations: READ_ONLY_ANNOTATIONS,
		},
		{
			name: CALL_TOOL,
			description: `Run one tool of this server: its exact name (from search_tools) and its arguments, as its inputSchema (get_tool_schema) says. Returns that tool's own result. List tools page with limit and next_cursor: pass next_cursor back unchanged in arguments.${callNote}`,
			inputSchema: {
				type: 'object',
				properties: {
					name: { type: 'string', minLength: 1, maxLength: 100, description: 'Exact tool name' },
					arguments: { type: 'object', description: "The tool's arguments" },
				},
				required: ['name'],
				additionalProperties: false,
			},
			annotations: callAnnotations(tools),
		},
	];
}

/** call_tool can do what the tools it reaches can: read-only only when every one of them is. */
function callAnnotations(tools: readonly ToolSpec[]): MetaTool['annotations'] {
	if (tools.every((t) => t.annotations.readOnlyHint)) return READ_ONLY_ANNOTATIONS;
	return {
		readOnlyHint: false,
		destructiveHint: tools.some((t) => t.annotations.destructiveHint === true),
		idempotentHint: tools.every((t) => t.annotations.idempotentHint === true),
		openWorldHint: tools.some((t) => t.annotations.openWorldHint === true),
	};
}

/** The meta-tool named `name`, if it is one. */
export function findMetaTool(discovery: Discovery, name: string): MetaTool | undefined {
	return discovery.listed.find((t) => t.name === name);
}

/** Checks a meta-tool's arguments as a tool's are checked; an invalid_arguments result when they fail. */
export function checkMetaArgs(
	tool: MetaTool,
	args: unknown,
): { ok: true; value: Record<string, unknown> } | { ok: false; result: CallToolResult } {
	const checked = validateArgs(tool, args);
	return checked.ok ? checked : { ok: false, result: invalidArguments(checked.issues) };
}

/** `search_tools` with checked arguments: the best matches among the server's tools. */
export function runSearchTools(
	discovery: Discovery,
	args: Record<string, unknown>,
): CallToolResult {
	const query = String(args['query']);
	const limit = typeof args['limit'] === 'number' ? args['limit'] : SEARCH_LIMIT_DEFAULT;
	const hits = searchTools(discovery.tools, query);
	const payload: Record<string, unknown> = {
		tools: hits.slice(0, limit).map(({ tool }) => ({
			name: tool.name,
			description: summary(tool.description),
			method: tool.method,
			read_only: tool.annotations.readOnlyHint,
		})),
		matches: hits.length,
		tool_count: discovery.tools.length,
	};
	if (hits.length === 0) {
		payload['hint'] =
			`No tool matches. Try a resource (${discovery.resources}) or an action (list, get, create, update, delete).`;
	}
	return jsonResult(payload);
}

/** `get_tool_schema` with checked arguments: each named tool's definition; did-you-mean for the rest. */
export function runGetToolSchema(
	discovery: Discovery,
	args: Record<string, unknown>,
): CallToolResult {
	const names = [...new Set(args['names'] as string[])];
	const found: Record<string, unknown>[] = [];
	const unknown: { name: string; did_you_mean: string[] }[] = [];
	for (const name of names) {
		const tool = discovery.byName.get(name);
		if (tool) found.push(toWireTool(tool));
		else unknown.push({ name, did_you_mean: closestNames(discovery.tools, name, SUGGESTIONS) });
	}
	if (found.length === 0) {
		return toolError({
			error: 'unknown_tool',
			message: `No tool of that name on this server. Find tools with ${SEARCH_TOOLS}.`,
			unknown,
		});
	}
	return jsonResult(unknown.length > 0 ? { tools: found, unknown } : { tools: found });
}

/** What `call_tool` with checked arguments names: a tool of the server to run, or the refusal. */
export type CallTarget =
	{ ok: true; tool: ToolSpec; args: unknown } | { ok: false; name: string; result: CallToolResult };

export function resolveCallTool(discovery: Discovery, args: Record<string, unknown>): CallTarget {
	const name = String(args['name']);
	const tool = discovery.byName.get(name);
	if (tool) return { ok: true, tool, args: args['arguments'] ?? {} };
	return { ok: false, name, result: unknownTool(discovery, name) };
}

/** The refusal of a name that is not a tool of this server (the same whatever the catalogue holds). */
function unknownTool(discovery: Discovery, name: string): CallToolResult {
	return toolError({
		error: 'unknown_tool',
		message: `No tool named "${name.slice(0, 100)}" on this server. Find tools with ${SEARCH_TOOLS}.`,
		did_you_mean: closestNames(discovery.tools, name, SUGGESTIONS),
	});
}

/** The answer to a direct tools/call of one of the server's tools: it runs only through call_tool. */
export function notListed(name: string): CallToolResult {
	return toolError({
		error: 'use_call_tool',
		message: `This server lists only ${META_TOOL_NAMES.join(', ')}. Run ${name} with ${CALL_TOOL}: {"name":"${name}","arguments":{…}}. Find tools with ${SEARCH_TOOLS} and their arguments with ${GET_TOOL_SCHEMA}.`,
	});
}

/** The first sentence of a description, cut to SUMMARY_MAX_CHARS. */
function summary(description: string): string {
	const end = description.search(/(?<!\b(?:e\.g|i\.e|etc|vs))\.(\s|$)/);
	const first = end === -1 ? description : description.slice(0, end + 1);
	return first.length <= SUMMARY_MAX_CHARS ? first : `${first.slice(0, SUMMARY_MAX_CHARS - 1)}…`;
}
