/** Starts edesk-mcp and the eDesk sandbox under `wrangler dev` (fresh state) for the browser tests and mints an API token. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script without types
import { ensureDevVars, mintLocalApiToken, startWrangler } from '../../scripts/local-server.mjs';

declare module 'vitest' {
	export interface ProvidedContext {
		browserOrigin: string;
		browserApiToken: string;
	}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const vars = ensureDevVars();
	const persistTo = mkdtempSync(join(tmpdir(), 'edesk-mcp-browser-'));
	// Ports apart from the e2e project's (8800–8949, inspector +1000) so both can run at once.
	const port = 8960 + Math.floor(Math.random() * 30);
	const server = await startWrangler({ port, inspectorPort: port + 1200, persistTo, stdio: 'pipe' });
	const apiToken: string = await mintLocalApiToken(vars.JWT_SECRET, { subject: 'browser-test' });
	project.provide('browserOrigin', server.origin);
	project.provide('browserApiToken', apiToken);
	return async () => {
		await server.stop();
		rmSync(persistTo, { recursive: true, force: true });
	};
}
