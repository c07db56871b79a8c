/**
 * The management API's OpenAPI document (worker/admin/openapi.ts, loaded in Node), as
 * scripts/build-assets.mjs writes it to dist/assets/openapi.json.
 */
import { importWorkerModules } from './load-catalog.mjs';

/** The document, built from the zod schemas of worker/admin. */
export async function buildOpenApi() {
	const { buildOpenApiDocument } = await importWorkerModules(
		"export { buildOpenApiDocument } from './worker/admin/openapi.ts';",
	);
	return buildOpenApiDocument();
}

/** The document as served at /openapi.json. */
export function toOpenApiJson(document) {
	return `${JSON.stringify(document, null, '\t')}\n`;
}
