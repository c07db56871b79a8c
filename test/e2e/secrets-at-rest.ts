/**
 * What a local run leaves on disk: the files it wrote (wrangler's state and logs, the project's
 * .wrangler/ folder, log files of the clients it ran) must hold no raw URL token, API token or
 * plaintext eDesk credential. Used by the e2e and browser global teardowns. Node only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';

/** One secret found in one file (the secret itself is never repeated). */
export interface SecretFinding {
	file: string;
	kind: 'url token' | 'api token' | 'edesk credential';
}

const URL_TOKEN = /em_[A-Za-z0-9_-]{43}/;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/;
/** Bundled code of the sandbox defines its tokens: a definition in code is not a secret at rest. */
const CODE = new Set(['.js', '.mjs', '.cjs', '.map', '.ts']);
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Folders where wrangler and the MCP clients the tests run keep logs and state outside the project. */
export function clientLogFolders(): string[] {
	const home = homedir();
	return [
		join(home, '.config', '.wrangler', 'logs'),
		join(home, '.wrangler', 'logs'),
		join(home, '.mcp-auth'),
	];
}

/** Every file under `roots` (files or folders) written at or after `since` (ms), checked for secrets. */
export function findSecretsAtRest(
	roots: readonly string[],
	since: number,
	credentials: readonly string[],
): SecretFinding[] {
	const findings: SecretFinding[] = [];
	const visit = (path: string): void => {
		let info;
		try {
			info = statSync(path);
		} catch {
			return;
		}
		if (info.isDirectory()) {
			if (path.endsWith('node_modules')) return;
			for (const name of readdirSync(path)) visit(join(path, name));
			return;
		}
		if (!info.isFile() || info.mtimeMs < since - 1_000 || info.size > MAX_FILE_BYTES) return;
		const text = readFileSync(path).toString('latin1');
		if (URL_TOKEN.test(text)) findings.push({ file: path, kind: 'url token' });
		if (JWT.test(text)) findings.push({ file: path, kind: 'api token' });
		if (!CODE.has(extname(path)) && credentials.some((c) => text.includes(c))) {
			findings.push({ file: path, kind: 'edesk credential' });
		}
	};
	for (const root of roots) if (existsSync(root)) visit(root);
	return findings;
}

/**
 * Throws listing every finding. vitest reports an error thrown by a global teardown ("error during
 * close") but still exits 0, so the exit code of the run is set to 1 as well: CI fails.
 */
export function assertNoSecretsAtRest(findings: readonly SecretFinding[]): void {
	if (findings.length === 0) return;
	process.exitCode = 1;
	const lines = findings.map((f) => `  ${f.kind}: ${f.file}`).join('\n');
	throw new Error(`Secrets at rest after the run (README, "Local runs"):\n${lines}`);
}
