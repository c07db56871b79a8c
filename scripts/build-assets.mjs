#!/usr/bin/env node
/**
 * Builds the Worker's static assets into dist/assets (Workers Static Assets, see wrangler.toml): the
 * management page (worker/admin-ui: admin.html, app.css and the TypeScript modules bundled by esbuild
 * into one script), /favicon.ico, the _headers file (CSP and the rest) and /openapi.json. wrangler runs
 * it before `wrangler dev` and `wrangler deploy`; the test config runs it before the workerd tests.
 *
 * Each file is written to a temporary name and renamed into place, and files no build makes are
 * removed afterwards, so two builds at once (tests next to `wrangler dev`) never leave a torn file.
 */
import { build } from 'esbuild';
import {
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faviconIco } from './lib/favicon.mjs';
import { buildOpenApi, toOpenApiJson } from './lib/openapi.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'worker/admin-ui');
export const ASSETS_DIR = join(root, 'dist/assets');

async function bundle(entry, loader) {
	const result = await build({
		entryPoints: [join(source, entry)],
		bundle: true,
		minify: true,
		format: loader === 'css' ? undefined : 'iife',
		target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
		charset: 'utf8',
		legalComments: 'none',
		write: false,
		logLevel: 'error',
	});
	return result.outputFiles[0].contents;
}

function writeAtomically(path, contents) {
	mkdirSync(dirname(path), { recursive: true });
	const temp = `${path}.${process.pid}.tmp`;
	writeFileSync(temp, contents);
	renameSync(temp, path);
}

function listFiles(dir) {
	let entries;
	try {
		entries = readdirSync(dir);
	} catch {
		return [];
	}
	return entries.flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? listFiles(path) : [path];
	});
}

/** Builds every asset; returns their paths relative to dist/assets with their sizes in bytes. */
export async function buildAssets() {
	const files = {
		// Indentation only goes: a newline and tabs read the same as a newline in HTML.
		'admin.html': Buffer.from(
			readFileSync(join(source, 'admin.html'), 'utf8').replace(/\n\s+/g, '\n'),
		),
		'admin/app.js': await bundle('main.ts', 'ts'),
		'admin/app.css': await bundle('app.css', 'css'),
		'favicon.ico': faviconIco(),
		_headers: readFileSync(join(source, '_headers')),
		'openapi.json': Buffer.from(toOpenApiJson(await buildOpenApi())),
	};
	for (const [name, contents] of Object.entries(files))
		writeAtomically(join(ASSETS_DIR, name), contents);
	const wanted = new Set(Object.keys(files).map((name) => join(ASSETS_DIR, name)));
	for (const path of listFiles(ASSETS_DIR)) {
		if (!wanted.has(path) && !path.endsWith('.tmp')) rmSync(path, { force: true });
	}
	return Object.fromEntries(
		Object.entries(files).map(([name, contents]) => [name, contents.length]),
	);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const sizes = await buildAssets();
	const list = Object.entries(sizes)
		.map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KiB`)
		.join(', ');
	console.log(`static assets in ${relative(process.cwd(), ASSETS_DIR) || '.'}: ${list}`);
}
