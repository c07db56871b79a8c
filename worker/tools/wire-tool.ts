/** The wire form of tools in tools/list, and an estimate of its size in model tokens. */
import type { ToolSpec } from './tool-spec';

/**
 * UTF-8 bytes per o200k token of this catalogue's tools/list JSON, measured with gpt-tokenizer
 * (test/unit/tools/wire-tool.test.ts keeps the estimate within 5 % for every method filter).
 */
export const TOOLS_LIST_BYTES_PER_TOKEN = 4.36;

/** What tools/list shows of a tool: a catalogue tool, or a meta-tool of a discovery server. */
export type ListedTool = Pick<ToolSpec, 'name' | 'description' | 'inputSchema' | 'annotations'>;

/** A tool as tools/list shows it. */
export function toWireTool(spec: ListedTool): Record<string, unknown> {
	return {
		name: spec.name,
		description: spec.description,
		inputSchema: spec.inputSchema,
		annotations: spec.annotations,
	};
}

/** The tools/list result for a tool set. */
export function toToolsListResult(tools: readonly ListedTool[]): {
	tools: Record<string, unknown>[];
} {
	return { tools: tools.map(toWireTool) };
}

/** Estimated o200k tokens of the tools/list result for `tools` (a Worker cannot ship the tokenizer). */
export function estimateToolsListTokens(tools: readonly ListedTool[]): number {
	const bytes = new TextEncoder().encode(JSON.stringify(toToolsListResult(tools))).byteLength;
	return Math.round(bytes / TOOLS_LIST_BYTES_PER_TOKEN);
}
