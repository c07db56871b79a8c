/**
 * The official conformance suite's authorization-server scenarios (0.2.0-alpha.12,
 * `conformance authorization`): authorization-server-metadata-endpoint and authorization-code-grant.
 * The suite prints the authorization URL and waits for a browser; the test completes the consent page
 * as a person would, and the redirect reaches the suite's callback server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { approveConsent } from './oauth-consent-driver';

const root = join(import.meta.dirname, '..', '..');
const SUITE = join(root, 'node_modules/conformance-next/dist/index.js');

async function registerClient(origin: string, callback: string): Promise<string> {
	const response = await fetch(`${origin}/oauth/register`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			client_name: 'MCP conformance suite',
			redirect_uris: [callback],
			token_endpoint_auth_method: 'none',
		}),
	});
	expect(response.status).toBe(201);
	return ((await response.json()) as { client_id: string }).client_id;
}

describe('conformance authorization', () => {
	it('passes authorization-server-metadata-endpoint and authorization-code-grant', async () => {
		const origin = inject('origin');
		const port = 3100 + Math.floor(Math.random() * 800);
		const clientId = await registerClient(origin, `http://127.0.0.1:${port}/callback`);
		const out = mkdtempSync(join(tmpdir(), 'conformance-as-'));
		const args = [
			SUITE,
			'authorization',
			'--url',
			origin,
			'--client-id',
			clientId,
			'--port',
			String(port),
			'--resource',
			`${origin}/mcp`,
			'-o',
			out,
		];
		const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		let driven: Promise<void> | undefined;
		const drive = (url: string): Promise<void> =>
			approveConsent(url, inject('readOnlyMcpUrl')).then(async (location) => {
				await (await fetch(location)).text();
			});
		const onData = (d: Buffer): void => {
			output += d;
			const url = /Access the following URL in your browser[^\n]*\n\s*(\S+)/.exec(output)?.[1];
			if (url && !driven) driven = drive(url);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
		await driven;
		rmSync(out, { recursive: true, force: true });
		expect(output).toMatch(/authorization-server-metadata-endpoint: 2 passed, 0 failed/);
		expect(output).toMatch(/authorization-code-grant: 1 passed, 0 failed/);
		expect(code, output.slice(-3000)).toBe(0);
	}, 120_000);
});
