/**
 * Bundles the Worker exactly as `wrangler deploy` would (`--dry-run --outdir`) and sizes the upload
 * the way wrangler does (raw and gzip of the module files). Node only; deploys nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, wranglerEnv, wranglerNode } from '../local-server.mjs';

/**
 * The static assets the dry run built (dist/assets: served by Workers Static Assets, not part of the
 * Worker bundle): file count and gzip bytes (each file on its own, as they are served); null when a
 * tree has none (an older baseline).
 */
function sizeAssets(dir) {
	if (!existsSync(dir)) return null;
	const files = [];
	const walk = (at) => {
		for (const entry of readdirSync(at, { withFileTypes: true })) {
			const path = join(at, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name !== '_headers') files.push(path);
		}
	};
	walk(dir);
	const gzipBytes = files.reduce((sum, path) => sum + gzipSync(readFileSync(path)).byteLength, 0);
	return { files: files.length, gzipBytes };
}

/** Files of a dry-run outdir that are uploaded (wrangler also writes a README and source maps). */
const isModule = (name) => /\.(m?js|cjs|wasm)$/.test(name);

/**
 * Runs `wrangler deploy --dry-run --outdir <outdir> -c wrangler.toml --env <env>` (default
 * `production`, the bundle that ships) in `root` (default this checkout; the benchmark's baseline is
 * an earlier commit's tree) and returns `{ scriptPath, modules, rawBytes, gzipBytes,
 * wranglerReport, command }`.
 */
export async function bundleWorker(outdir, { env = 'production', root = ROOT } = {}) {
	const node = wranglerNode();
	const wrangler = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
	const args = [
		wrangler,
		'deploy',
		'--dry-run',
		'--outdir',
		outdir,
		'-c',
		'wrangler.toml',
		`--env=${env}`,
	];
	const output = await new Promise((resolve, reject) => {
		const child = spawn(node, args, {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: wranglerEnv({
				PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`,
				NO_COLOR: '1',
				FORCE_COLOR: '0',
			}),
		});
		let text = '';
		child.stdout.on('data', (d) => (text += d));
		child.stderr.on('data', (d) => (text += d));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve(text)
				: reject(new Error(`wrangler deploy --dry-run failed (${code}):\n${text.slice(-4000)}`)),
		);
	});
	const modules = readdirSync(outdir).filter(isModule).sort();
	if (!modules.includes('index.js'))
		throw new Error(`no index.js in ${outdir}: ${modules.join(', ')}`);
	// Same figure as wrangler's bundle reporter: gzip of all module contents concatenated.
	const contents = modules.map((name) => readFileSync(join(outdir, name)));
	const all = Buffer.concat(contents);
	const report = /Total Upload:\s*([^\n]+)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
	return {
		assets: sizeAssets(join(root, 'dist', 'assets')),
		scriptPath: join(outdir, 'index.js'),
		modules: modules.map((name) => join(outdir, name)),
		rawBytes: all.byteLength,
		gzipBytes: gzipSync(all).byteLength,
		wranglerReport: report ? report[1].trim() : null,
		command: `npx wrangler deploy --dry-run --outdir <tmp> -c wrangler.toml --env ${env}`,
	};
}
