/**
 * `npm start` as a process manager or an IDE runs it: it prints a working MCP URL and the /admin URL,
 * refuses to start (before printing any URL) when its port is taken, and on SIGTERM to npm it stops
 * with wrangler and workerd, freeing the port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function npmStart(port: number): {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
} {
	const child = spawn('npm', ['start'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), INSPECTOR_PORT: String(port + 1000) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code)),
	);
	return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 200));
	}
}

function portOpen(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});
}

describe('npm start', () => {
	it('prints a working MCP URL and the admin URL, refuses a taken port, and stops on SIGTERM with its children', async () => {
		const port = 8700 + Math.floor(Math.random() * 90);
		const first = npmStart(port);
		try {
			await waitFor(() => /Press Ctrl\+C to stop/.test(first.output()), 120_000);
			const url = /MCP URL:\s+(http:\/\/127\.0\.0\.1:\d+\/mcp\/em_[A-Za-z0-9_-]{43})/.exec(
				first.output(),
			)?.[1];
			expect(url, first.output()).toBeDefined();
			expect(first.output()).toContain(`Admin page:  http://127.0.0.1:${port}/admin`);
			const listed = await fetch(url!, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: 'application/json',
					'mcp-protocol-version': '2025-11-25',
				},
				body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
			});
			expect(listed.status).toBe(200);
			expect(
				((await listed.json()) as { result: { tools: unknown[] } }).result.tools.length,
			).toBeGreaterThan(0);

			const second = npmStart(port);
			expect(await second.exited).toBe(1);
			expect(second.output()).toContain(`port ${port} is already in use`);
			expect(second.output()).not.toContain('MCP URL');

			first.child.kill('SIGTERM');
			await first.exited;
			const deadline = Date.now() + 10_000;
			while ((await portOpen(port)) && Date.now() < deadline)
				await new Promise((r) => setTimeout(r, 200));
			expect(await portOpen(port)).toBe(false);
		} finally {
			first.child.kill('SIGKILL');
		}
	}, 180_000);
});
