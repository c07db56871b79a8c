/** Which catalogue tools an MCP server exposes: `methods` AND `tags`. Pure; no env, no I/O. */
import type { ServerConfig } from '../auth/records';
import { TOOL_CATALOG } from './catalog';
import { scopedFor } from './chatgpt/tools';
import type { ToolMethod, ToolSpec } from './tool-spec';

/** Method groups a config may name besides the exact tool methods. */
export const METHOD_GROUPS: Readonly<Record<string, readonly ToolMethod[]>> = {
	read: ['list', 'get'],
	write: ['create', 'update', 'delete'],
};
/** Every tool method, in catalogue order. */
export const TOOL_METHODS: readonly ToolMethod[] = ['list', 'get', 'create', 'update', 'delete'];
/** Every word accepted in `config.methods`. */
export const METHOD_NAMES: readonly string[] = [...Object.keys(METHOD_GROUPS), ...TOOL_METHODS];

type FilterConfig = Pick<ServerConfig, 'methods' | 'tags'>;

function expandMethods(methods: readonly string[]): Set<ToolMethod> {
	const out = new Set<ToolMethod>();
	for (const name of methods) {
		const group = METHOD_GROUPS[name];
		if (group) for (const m of group) out.add(m);
		else if ((TOOL_METHODS as readonly string[]).includes(name)) out.add(name as ToolMethod);
	}
	return out;
}

/**
 * The tools whose method is selected and (when tags are given) that carry at least one of the tags.
 * `search` (a list) and `fetch` (a get) carry tickets and orders: under tags naming only one of the
 * two they read only that one, as the server's other tools do (chatgpt/tools.ts scopedFor).
 */
export function filterTools(catalog: readonly ToolSpec[], config: FilterConfig): ToolSpec[] {
	const methods = expandMethods(config.methods);
	const tags = new Set(config.tags);
	return catalog
		.filter(
			(tool) => methods.has(tool.method) && (tags.size === 0 || tool.tags.some((t) => tags.has(t))),
		)
		.map((tool) => scopedFor(tool, tags));
}

const toolSets = new Map<string, readonly ToolSpec[]>();

/**
 * The catalogue tools of a server with this config: one frozen array per distinct config per isolate,
 * so what is memoised by tool set (the discovery index, the tools/list result) is built once.
 */
export function toolsFor(config: FilterConfig): readonly ToolSpec[] {
	const key = JSON.stringify([config.methods, config.tags]);
	let tools = toolSets.get(key);
	if (!tools) {
		tools = Object.freeze(filterTools(TOOL_CATALOG, config));
		if (toolSets.size > 500) toolSets.clear();
		toolSets.set(key, tools);
	}
	return tools;
}

/** Problems with a config, as `field: message` lines a person can act on; empty when it is usable. */
export function validateServerConfig(
	config: FilterConfig,
	catalog: readonly ToolSpec[] = TOOL_CATALOG,
): string[] {
	const problems: string[] = [];
	if (config.methods.length === 0) {
		problems.push(`methods: choose at least one of ${METHOD_NAMES.join(', ')}`);
	}
	for (const name of new Set(config.methods)) {
		if (!METHOD_NAMES.includes(name)) {
			problems.push(`methods: unknown method "${name}" (allowed: ${METHOD_NAMES.join(', ')})`);
		}
	}
	const knownTags = [...new Set(catalog.flatMap((t) => t.tags))].sort();
	for (const tag of new Set(config.tags)) {
		if (!knownTags.includes(tag)) {
			problems.push(`tags: unknown tag "${tag}" (allowed: ${knownTags.join(', ')})`);
		}
	}
	if (problems.length === 0 && filterTools(catalog, config).length === 0) {
		problems.push(
			`config: methods [${config.methods.join(', ')}] with tags [${config.tags.join(', ')}] leave no tool; widen the methods or tags`,
		);
	}
	return problems;
}
