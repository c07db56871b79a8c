/** The at-rest scan of the e2e and browser teardowns finds what it must and only that. */
import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSecretsAtRest } from './secrets-at-rest';

const TOKEN = `em_${'A'.repeat(43)}`;
const JWT = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.${'s'.repeat(43)}`;

describe('findSecretsAtRest', () => {
	it('finds a URL token in a trace store, a JWT in a log and a credential in state, but not a credential in code or an old file', () => {
		const root = mkdtempSync(join(tmpdir(), 'at-rest-'));
		mkdirSync(join(root, 'state', 'observability'), { recursive: true });
		writeFileSync(
			join(root, 'state', 'observability', 'trace.sqlite-wal'),
			`\x00url.full\x00http://127.0.0.1/mcp/${TOKEN}\x00`,
		);
		writeFileSync(
			join(root, 'wrangler.log'),
			`GET /integrated-account Authorization: Bearer ${JWT}\n`,
		);
		writeFileSync(join(root, 'state', 'kv.sqlite'), 'value: sandbox-full-access');
		writeFileSync(join(root, 'sandbox-bundle.js'), 'const TOKENS = ["sandbox-full-access"];');
		const old = join(root, 'before-the-run.log');
		writeFileSync(old, TOKEN);
		const since = Date.now();
		utimesSync(old, new Date(since - 60_000), new Date(since - 60_000));
		const findings = findSecretsAtRest([root], since, ['sandbox-full-access']);
		expect(findings.map((f) => [f.file.slice(root.length), f.kind]).sort()).toEqual([
			['/state/kv.sqlite', 'edesk credential'],
			['/state/observability/trace.sqlite-wal', 'url token'],
			['/wrangler.log', 'api token'],
		]);
	});
});
