/**
 * Writes the management API's OpenAPI document (worker/admin/openapi.ts, bundled for Node with
 * esbuild) as pretty-printed JSON. Run alone for a look: `node scripts/lib/openapi.mjs <outFile>`.
 */
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The document, built from the zod schemas of worker/admin. */
export async function buildOpenApi() {
	const result = await build({
		entryPoints: [join(ROOT, 'worker/admin/openapi.ts')],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		write: false,
		logLevel: 'error',
	});
	const tmpDir = join(ROOT, '.wrangler', 'tmp');
	const bundle = join(tmpDir, `openapi-${process.pid}-${Date.now()}.mjs`);
	await mkdir(tmpDir, { recursive: true });
	await writeFile(bundle, result.outputFiles[0].contents);
	let document;
	try {
		const { buildOpenApiDocument } = await import(pathToFileURL(bundle).href);
		document = buildOpenApiDocument();
	} finally {
		await rm(bundle, { force: true });
	}
	return document;
}

/** The document as served at /openapi.json. */
export function toOpenApiJson(document) {
	return `${JSON.stringify(document, null, '\t')}\n`;
}

/** Builds the document and writes it to `outFile` (its directories are created); returns the document. */
export async function writeOpenApi(outFile) {
	const document = await buildOpenApi();
	await mkdir(dirname(resolve(outFile)), { recursive: true });
	await writeFile(outFile, toOpenApiJson(document));
	return document;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const outFile = process.argv[2];
	if (!outFile) {
		console.error('usage: node scripts/lib/openapi.mjs <outFile>');
		process.exit(2);
	}
	const document = await writeOpenApi(outFile);
	const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
	console.log(`${outFile}: ${operations} operations`);
}
