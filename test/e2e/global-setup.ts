/** Starts edesk-mcp and the eDesk sandbox under `wrangler dev` (fresh state) and provides an MCP URL to the e2e tests. */
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script without types
import { provisionServer, ROOT } from '../../scripts/local-server.mjs';
import { startFreshLocalServer } from './fresh-local-server';
import { assertNoSecretsAtRest, clientLogFolders, findSecretsAtRest } from './secrets-at-rest';

declare module 'vitest' {
	export interface ProvidedContext {
		origin: string;
		mcpUrl: string;
		readOnlyMcpUrl: string;
		apiToken: string;
		/** wrangler dev's local state folder and the sandbox account id, for the seeding script. */
		persistTo: string;
		accountId: string;
		/** A file under os.tmpdir() that receives wrangler dev's combined stdout and stderr as they are written. */
		logFile: string;
	}
}

/** The sandbox's eDesk API tokens (scripts/edesk-sandbox), which the e2e tests send to the Worker. */
const SANDBOX_CREDENTIALS = ['sandbox-full-access', 'sandbox-read-only'];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const startedAt = Date.now();
	const port = 8800 + Math.floor(Math.random() * 150);
	const server = await startFreshLocalServer({
		name: 'e2e',
		subject: 'e2e',
		port,
		inspectorPort: port + 1000,
	});
	const logFile = join(tmpdir(), `edesk-mcp-e2e-wrangler-${process.pid}-${port}.log`);
	writeFileSync(logFile, server.output());
	server.onOutput((text) => appendFileSync(logFile, text));
	project.provide('logFile', logFile);
	try {
		const full = await provisionServer(server.origin, server.apiToken, { serverName: 'e2e full' });
		const readOnly = await provisionServer(server.origin, server.apiToken, {
			serverName: 'e2e read-only',
			config: { methods: ['read'], tags: [], require_api_token_auth: false },
		});
		project.provide('origin', server.origin);
		project.provide('mcpUrl', full.url);
		project.provide('readOnlyMcpUrl', readOnly.url);
		project.provide('apiToken', server.apiToken);
		project.provide('persistTo', server.persistTo);
		project.provide('accountId', full.account.id);
	} catch (error) {
		await server.stop();
		server.removeState();
		rmSync(logFile, { force: true });
		throw error;
	}
	return async () => {
		await server.stop();
		// After the whole e2e suite: everything this run wrote, wrangler's state and log included.
		const findings = findSecretsAtRest(
			[join(ROOT, '.wrangler'), server.persistTo, logFile, ...clientLogFolders()],
			startedAt,
			SANDBOX_CREDENTIALS,
		);
		rmSync(logFile, { force: true });
		server.removeState();
		assertNoSecretsAtRest(findings);
	};
}
