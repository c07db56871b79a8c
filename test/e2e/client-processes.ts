/**
 * Runs the real MCP clients of the e2e tests as their users do: the MCP Inspector CLI once per command,
 * and mcp-remote as a long-lived stdio process (as Claude Desktop starts it). Each gets a throwaway
 * HOME, removed when it ends, so nothing a client stores survives a test. Node only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
const freshHome = (prefix: string): string => mkdtempSync(join(tmpdir(), `${prefix}-home-`));

/** The parts of a JSON-RPC answer the tests read. */
export interface RpcAnswer {
	result?: {
		serverInfo?: { name: string };
		tools?: { name: string }[];
		isError?: boolean;
		content?: { text: string }[];
	};
	error?: { message: string };
}

/** `mcp-inspector --cli <url> --transport http --format json <args>`, to completion. */
export function runInspector(
	url: string,
	args: string[],
): { status: number | null; stdout: string; stderr: string } {
	const home = freshHome('inspector');
	const run = spawnSync(
		process.execPath,
		[bin('mcp-inspector'), '--cli', url, '--transport', 'http', '--format', 'json', ...args],
		{
			encoding: 'utf8',
			timeout: 60_000,
			env: { ...process.env, HOME: home },
		},
	);
	rmSync(home, { recursive: true, force: true });
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A running `mcp-remote <url> --transport http-only <args>`, spoken to in newline-delimited JSON-RPC. */
export interface StdioClient {
	send(message: object): void;
	/** The answer to request `id`, waiting up to 30 s. */
	answer(id: number): Promise<RpcAnswer>;
	/** Everything the process wrote to stderr so far. */
	stderr(): string;
	close(): void;
}

export function startMcpRemote(
	url: string,
	args: string[] = [],
	env: Record<string, string> = {},
): StdioClient {
	const home = freshHome('mcp-remote');
	const child = spawn(
		process.execPath,
		[bin('mcp-remote'), url, '--transport', 'http-only', ...args],
		{
			stdio: ['pipe', 'pipe', 'pipe'],
			env: { ...process.env, HOME: home, ...env },
		},
	);
	child.once('exit', () => rmSync(home, { recursive: true, force: true }));
	const answers = new Map<number, RpcAnswer>();
	let buffer = '';
	let stderr = '';
	child.stderr.on('data', (d) => (stderr += d));
	child.stdout.on('data', (d) => {
		buffer += d;
		for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
			const line = buffer.slice(0, nl).trim();
			buffer = buffer.slice(nl + 1);
			if (!line) continue;
			const message = JSON.parse(line) as RpcAnswer & { id?: unknown };
			if (typeof message.id === 'number') answers.set(message.id, message);
		}
	});
	return {
		send: (message) => {
			child.stdin.write(`${JSON.stringify(message)}\n`);
		},
		async answer(id) {
			for (let i = 0; i < 300 && !answers.has(id); i++)
				await new Promise((r) => setTimeout(r, 100));
			const got = answers.get(id);
			if (!got) throw new Error(`no answer to ${id}; mcp-remote stderr: ${stderr.slice(-2000)}`);
			return got;
		},
		stderr: () => stderr,
		close: () => {
			child.stdin.end();
			child.kill('SIGTERM');
		},
	};
}
