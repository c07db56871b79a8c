/**
 * Measures what the tool catalogue costs in a model's context (o200k tokens, bytes); fails above the
 * budget. Run as a script it prints the per-tool table; `scripts/bench.mjs` imports its functions. Node only.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { loadCatalog } from './lib/load-catalog.mjs';

/** Hard budget for the whole tools/list result (o200k tokens). */
export const CATALOG_MAX_TOKENS = 6000;

/** The tools/list entry exactly as the MCP layer serialises it. */
export const toListed = (t) => ({
	name: t.name,
	description: t.description,
	inputSchema: t.inputSchema,
	annotations: t.annotations,
});

/** Bytes and o200k tokens of a string (as sent) or of a value's JSON. */
export const measure = (value) => {
	const json = typeof value === 'string' ? value : JSON.stringify(value);
	return { bytes: Buffer.byteLength(json), tokens: encode(json).length };
};

/** `{ rows, whole, readOnly, toolCount, readOnlyCount }` for a catalogue of ToolSpecs. */
export function measureCatalog(catalog) {
	const listed = catalog.map(toListed);
	const readOnlyTools = catalog.filter((t) => t.annotations.readOnlyHint).map(toListed);
	return {
		rows: catalog.map((t) => ({ name: t.name, ...measure(toListed(t)) })),
		whole: measure({ tools: listed }),
		readOnly: measure({ tools: readOnlyTools }),
		toolCount: listed.length,
		readOnlyCount: readOnlyTools.length,
	};
}

async function main() {
	const { TOOL_CATALOG } = await loadCatalog();
	const { rows, whole, readOnly, toolCount, readOnlyCount } = measureCatalog(TOOL_CATALOG);
	const width = Math.max(...rows.map((r) => r.name.length));
	const line = (name, bytes, tokens) =>
		`${name.padEnd(width)}  ${String(bytes).padStart(6)}  ${String(tokens).padStart(6)}`;
	console.log(line('tool', 'bytes', 'tokens'));
	for (const r of rows) console.log(line(r.name, r.bytes, r.tokens));
	console.log('-'.repeat(width + 16));
	console.log(line(`whole catalog (${toolCount} tools)`, whole.bytes, whole.tokens));
	console.log(line(`read-only subset (${readOnlyCount} tools)`, readOnly.bytes, readOnly.tokens));
	console.log(`budget: ${CATALOG_MAX_TOKENS} o200k tokens for the whole tools/list result`);
	if (whole.tokens > CATALOG_MAX_TOKENS) {
		console.error(
			`context-budget: whole catalog is ${whole.tokens} tokens, over the ${CATALOG_MAX_TOKENS} budget`,
		);
		process.exit(1);
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
