/** Starts edesk-mcp and the eDesk sandbox under `wrangler dev` (fresh state) and provides an MCP URL to the e2e tests. */
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script without types
import { provisionServer } from '../../scripts/local-server.mjs';
import { startFreshLocalServer } from './fresh-local-server';

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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const port = 8800 + Math.floor(Math.random() * 150);
	const server = await startFreshLocalServer({
		name: 'e2e',
		subject: 'e2e',
		port,
		inspectorPort: port + 1000,
	});
	const logFile = join(tmpdir(), `edesk-mcp-e2e-wrangler-${process.pid}-${port}.log`);
	writeFileSync(logFile, server.output());
	server.child.stdout?.on('data', (d: Buffer) => appendFileSync(logFile, d));
	server.child.stderr?.on('data', (d: Buffer) => appendFileSync(logFile, d));
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
		rmSync(logFile, { force: true });
		throw error;
	}
	return async () => {
		await server.stop();
		rmSync(logFile, { force: true });
	};
}
