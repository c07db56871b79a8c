/** Starts edesk-mcp and the eDesk sandbox under `wrangler dev` (fresh state) for the browser tests and mints an API token. */
import type { TestProject } from 'vitest/node';
import { startFreshLocalServer } from '../e2e/fresh-local-server';
import { assertNoSecretsAtRest, findSecretsAtRest } from '../e2e/secrets-at-rest';

declare module 'vitest' {
	export interface ProvidedContext {
		browserOrigin: string;
		browserApiToken: string;
	}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const startedAt = Date.now();
	// Ports apart from the e2e project's (8800–8949, inspector +1000) so both can run at once.
	const port = 8960 + Math.floor(Math.random() * 30);
	const server = await startFreshLocalServer({
		name: 'browser',
		subject: 'browser-test',
		port,
		inspectorPort: port + 1200,
	});
	project.provide('browserOrigin', server.origin);
	project.provide('browserApiToken', server.apiToken);
	return async () => {
		await server.stop();
		const findings = findSecretsAtRest([server.persistTo], startedAt, [
			'sandbox-full-access',
			'sandbox-read-only',
		]);
		server.removeState();
		assertNoSecretsAtRest(findings);
	};
}
