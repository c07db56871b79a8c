/**
 * Loads the Worker's tool catalogue in Node: bundles worker/tools/catalog.ts (JSON imports included)
 * and imports it; `loadDiscovery` adds the meta-tools of discovery mode.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT } from '../local-server.mjs';

/** The catalogue module's exports (`TOOL_CATALOG`, …), bundled into a temporary file that is removed again. */
export async function loadCatalog() {
	const dir = mkdtempSync(join(tmpdir(), 'edesk-catalog-'));
	const outfile = join(dir, 'catalog.mjs');
	try {
		await build({
			entryPoints: [join(ROOT, 'worker/tools/catalog.ts')],
			bundle: true,
			format: 'esm',
			platform: 'neutral',
			outfile,
			logLevel: 'error',
		});
		return await import(pathToFileURL(outfile).href);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * `{ TOOL_CATALOG, discoveryOf }` from one bundle: the catalogue and the function that builds a
 * discovery server's three meta-tools (worker/tools/discovery/meta-tools.ts) for a tool set.
 */
export async function loadDiscovery() {
	const dir = mkdtempSync(join(tmpdir(), 'edesk-discovery-'));
	const outfile = join(dir, 'discovery.mjs');
	try {
		await build({
			stdin: {
				contents: [
					"export { TOOL_CATALOG } from './worker/tools/catalog.ts';",
					"export { discoveryOf } from './worker/tools/discovery/meta-tools.ts';",
				].join('\n'),
				resolveDir: ROOT,
				loader: 'js',
			},
			bundle: true,
			format: 'esm',
			platform: 'node',
			outfile,
			logLevel: 'error',
		});
		return await import(pathToFileURL(outfile).href);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
