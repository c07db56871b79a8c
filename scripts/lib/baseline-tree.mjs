/**
 * The tree of an earlier commit, for the benchmark's same-run comparison ("no slower than before"):
 * `git archive <ref>` into a temporary folder that borrows this checkout's node_modules. Node only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../local-server.mjs';

/** Extracts `ref` (a commit, tag or branch of this repository); returns `{ root, commit, dispose }`. */
export function extractBaseline(ref) {
	const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], {
		cwd: ROOT,
		encoding: 'utf8',
	}).trim();
	const root = mkdtempSync(join(tmpdir(), 'edesk-baseline-'));
	const archive = execFileSync('git', ['archive', '--format=tar', commit], {
		cwd: ROOT,
		maxBuffer: 256 * 1024 * 1024,
	});
	execFileSync('tar', ['-x', '-C', root], { input: archive });
	symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
	return { root, commit, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
