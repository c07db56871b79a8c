/** Starts edesk-mcp and the eDesk sandbox under `wrangler dev` with fresh local state, and mints an API token. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM script without types
import { ensureDevVars, mintLocalApiToken, startWrangler } from '../../scripts/local-server.mjs';

export interface FreshLocalServer {
	origin: string;
	/** wrangler dev's local state folder (KV, Durable Objects). */
	persistTo: string;
	/** A management API token (`admin` scope) for `subject`. */
	apiToken: string;
	/** wrangler dev's child process, for its output. */
	child: import('node:child_process').ChildProcess;
	/** wrangler dev's output so far (redacted). */
	output(): string;
	/** Calls `listener` with each further piece of (redacted) output. */
	onOutput(listener: (text: string) => void): void;
	/** Stops wrangler dev (and workerd); the state folder stays for a look at what the run left. */
	stop(): Promise<void>;
	/** Removes the state folder. */
	removeState(): void;
}

/** `port` and `inspectorPort` must be free; `name` labels the state folder, `subject` the API token. */
export async function startFreshLocalServer(options: {
	name: string;
	subject: string;
	port: number;
	inspectorPort: number;
}): Promise<FreshLocalServer> {
	const vars = ensureDevVars();
	const persistTo = mkdtempSync(join(tmpdir(), `edesk-mcp-${options.name}-`));
	let server;
	try {
		server = await startWrangler({
			port: options.port,
			inspectorPort: options.inspectorPort,
			persistTo,
			stdio: 'pipe',
		});
		const apiToken: string = await mintLocalApiToken(vars.JWT_SECRET, { subject: options.subject });
		const running = server;
		return {
			origin: running.origin,
			persistTo,
			apiToken,
			child: running.child,
			output: () => running.output(),
			onOutput: (listener) => running.onOutput(listener),
			stop: () => running.stop(),
			removeState: () => rmSync(persistTo, { recursive: true, force: true }),
		};
	} catch (error) {
		await server?.stop();
		rmSync(persistTo, { recursive: true, force: true });
		throw error;
	}
}
