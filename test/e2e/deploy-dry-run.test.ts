/** `wrangler deploy --dry-run` succeeds for every deployed environment, with its bindings and within the bundle budget. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const BUNDLE_MAX_GZIP_KIB = 96;

describe('wrangler deploy --dry-run', () => {
	it.each(['staging', 'production'])(
		'builds the %s environment with its KV namespace and Durable Object',
		(environment) => {
			const outdir = mkdtempSync(join(tmpdir(), `dry-run-${environment}-`));
			const run = spawnSync(
				process.execPath,
				[
					join(root, 'node_modules/wrangler/bin/wrangler.js'),
					'deploy',
					'--dry-run',
					'--env',
					environment,
					'--outdir',
					outdir,
				],
				{
					cwd: root,
					encoding: 'utf8',
					env: {
						...process.env,
						WRANGLER_SEND_METRICS: 'false',
						WRANGLER_WRITE_LOGS: 'false',
						NO_COLOR: '1',
					},
				},
			);
			const output = `${run.stdout}\n${run.stderr}`;
			expect(run.status, output).toBe(0);
			expect(output).toContain('--dry-run: exiting now.');
			expect(output).toMatch(/env\.TOKENS \(/);
			expect(output).toMatch(/env\.TOKEN_EXPIRY \(TokenExpiry\)/);
			expect(output).toContain(`env.ENVIRONMENT ("${environment}")`);
			expect(output).not.toContain('EDESK_SANDBOX');
			expect(output).not.toMatch(/WARNING/);
			const gzip = /Total Upload: [\d.]+ KiB \/ gzip: ([\d.]+) KiB/.exec(output);
			expect(gzip).not.toBeNull();
			expect(Number(gzip![1])).toBeLessThanOrEqual(BUNDLE_MAX_GZIP_KIB);
		},
		60_000,
	);
});
