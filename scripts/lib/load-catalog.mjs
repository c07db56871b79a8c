/**
 * Loads Worker modules in Node: `importWorkerModules` bundles a few re-exports of worker/ (JSON
 * imports included) with esbuild and imports the bundle; the catalogue, discovery mode and the
 * OpenAPI document are read this way by the scripts and tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT } from '../local-server.mjs';

/**
 * The exports of `source`, ES module text resolved from the repository root (such as
 * `export { TOOL_CATALOG } from './worker/tools/catalog.ts';`), bundled for Node into a temporary
 * file that is removed again.
 */
export async function importWorkerModules(source) {
	const dir = mkdtempSync(join(tmpdir(), 'edesk-modules-'));
	const outfile = join(dir, 'modules.mjs');
	try {
		const result = await build({
			stdin: { contents: source, resolveDir: ROOT, loader: 'js' },
			bundle: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			write: false,
			logLevel: 'error',
		});
		writeFileSync(outfile, result.outputFiles[0].contents);
		return await import(pathToFileURL(outfile).href);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The catalogue module's exports (`TOOL_CATALOG`, …). */
export function loadCatalog() {
	return importWorkerModules("export * from './worker/tools/catalog.ts';");
}

/**
 * `{ TOOL_CATALOG, discoveryOf }` from one bundle: the catalogue and the function that builds a
 * discovery server's three meta-tools (worker/tools/discovery/meta-tools.ts) for a tool set.
 */
export function loadDiscovery() {
	return importWorkerModules(
		[
			"export { TOOL_CATALOG } from './worker/tools/catalog.ts';",
			"export { discoveryOf } from './worker/tools/discovery/meta-tools.ts';",
		].join('\n'),
	);
}
