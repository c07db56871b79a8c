/**
 * Measures what the tool catalogue costs in a model's context (o200k tokens, bytes); fails above the
 * budget. Run as a script it prints the per-tool table; `scripts/bench.mjs` imports its functions. Node only.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { loadDiscovery } from './lib/load-catalog.mjs';

/** Hard budget for the whole tools/list result (o200k tokens). */
export const CATALOG_MAX_TOKENS = 6300;

/** Budget for the tools/list of a discovery server (`tool_exposure: "discovery"`: three meta-tools). */
export const DISCOVERY_MAX_TOKENS = 800;

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

/**
 * The tools/list of a discovery server whose filters keep the whole catalogue, and of a read-only one:
 * `{ whole, readOnly }`, each `{ tools, reaches, bytes, tokens }`.
 */
export function measureDiscovery(catalog, discoveryOf) {
	const of = (tools) => {
		const listed = discoveryOf(tools).listed.map(toListed);
		return { tools: listed.length, reaches: tools.length, ...measure({ tools: listed }) };
	};
	return { whole: of(catalog), readOnly: of(catalog.filter((t) => t.annotations.readOnlyHint)) };
}

async function main() {
	const { TOOL_CATALOG, discoveryOf } = await loadDiscovery();
	const { rows, whole, readOnly, toolCount, readOnlyCount } = measureCatalog(TOOL_CATALOG);
	const width = Math.max(...rows.map((r) => r.name.length));
	const line = (name, bytes, tokens) =>
		`${name.padEnd(width)}  ${String(bytes).padStart(6)}  ${String(tokens).padStart(6)}`;
	console.log(line('tool', 'bytes', 'tokens'));
	for (const r of rows) console.log(line(r.name, r.bytes, r.tokens));
	console.log('-'.repeat(width + 16));
	console.log(line(`whole catalog (${toolCount} tools)`, whole.bytes, whole.tokens));
	console.log(line(`read-only subset (${readOnlyCount} tools)`, readOnly.bytes, readOnly.tokens));
	const discovery = measureDiscovery(TOOL_CATALOG, discoveryOf);
	for (const [label, d] of [
		['discovery, whole catalog', discovery.whole],
		['discovery, read-only', discovery.readOnly],
	]) {
		console.log(line(`${label} (${d.tools} meta-tools, ${d.reaches} tools)`, d.bytes, d.tokens));
	}
	console.log(`budget: ${CATALOG_MAX_TOKENS} o200k tokens for the whole tools/list result`);
	console.log(`budget: ${DISCOVERY_MAX_TOKENS} o200k tokens for a discovery server's tools/list`);
	let failed = false;
	if (whole.tokens > CATALOG_MAX_TOKENS) {
		console.error(
			`context-budget: whole catalog is ${whole.tokens} tokens, over the ${CATALOG_MAX_TOKENS} budget`,
		);
		failed = true;
	}
	for (const [label, d] of [
		['whole catalog', discovery.whole],
		['read-only', discovery.readOnly],
	]) {
		if (d.tokens > DISCOVERY_MAX_TOKENS) {
			console.error(
				`context-budget: discovery tools/list (${label}) is ${d.tokens} tokens, over the ${DISCOVERY_MAX_TOKENS} budget`,
			);
			failed = true;
		}
	}
	if (failed) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
