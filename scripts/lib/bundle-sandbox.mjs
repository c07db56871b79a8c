/** Bundles the eDesk sandbox Worker (scripts/edesk-sandbox) into one ES module, as the tests do. Node only. */
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../local-server.mjs';

/** Writes the sandbox bundle to `outfile` and returns its path. */
export async function bundleSandbox(outfile) {
	await build({
		entryPoints: [join(ROOT, 'scripts/edesk-sandbox/index.ts')],
		bundle: true,
		format: 'esm',
		platform: 'neutral',
		target: 'es2022',
		outfile,
		logLevel: 'error',
	});
	return outfile;
}
