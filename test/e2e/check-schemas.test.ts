/** `scripts/check-schemas.mjs` refuses resource and documentation files that break their format (schemas/format/). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Runs the check on a copy of schemas/ after `edit` changed it; returns exit code and output. */
function checkCopy(edit: (dir: string) => void): { status: number | null; output: string } {
	const dir = mkdtempSync(join(tmpdir(), 'schemas-'));
	cpSync(join(root, 'schemas'), dir, { recursive: true });
	edit(dir);
	const run = spawnSync(
		process.execPath,
		[join(root, 'scripts/check-schemas.mjs'), '--schemas', dir],
		{
			cwd: root,
			encoding: 'utf8',
		},
	);
	return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function replaceIn(file: string, from: string, to: string): void {
	const text = readFileSync(file, 'utf8');
	if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
	writeFileSync(file, text.replace(from, to));
}

describe('check-schemas', () => {
	it('passes the bundled schemas', () => {
		const { status, output } = checkCopy(() => undefined);
		expect(status, output).toBe(0);
		expect(output).toMatch(/check-schemas: ok \(14 resources, \d+ tools\)/);
	});

	it('fails on a misspelt JSON Schema keyword, which a validator would silently ignore', () => {
		const { status, output } = checkCopy((dir) =>
			replaceIn(
				join(dir, 'resources/sales-order-tracking-links.json'),
				'"maxLength": 64',
				'"maxLenght": 64',
			),
		);
		expect(status).toBe(1);
		expect(output).toContain('Property "maxLenght" does not match additional properties schema');
	});

	it('fails on an unknown key in a method definition and in a documentation record', () => {
		const { status, output } = checkCopy((dir) => {
			replaceIn(
				join(dir, 'resources/tags.json'),
				'"operation_id"',
				'"operation": "x", "operation_id"',
			);
			replaceIn(
				join(dir, 'docs/tags.json'),
				'"description"',
				'"reaches_custommer": true, "description"',
			);
		});
		expect(status).toBe(1);
		expect(output).toContain('schemas/resources/tags.json #/methods/');
		expect(output).toContain('Property "operation" does not match');
		expect(output).toContain('Property "reaches_custommer" does not match');
	});

	it('fails on a nested object that accepts any key', () => {
		const { status, output } = checkCopy((dir) => {
			const file = join(dir, 'resources/tickets.json');
			const resource = JSON.parse(readFileSync(file, 'utf8'));
			delete resource.methods.create.body.properties.contact.additionalProperties;
			writeFileSync(file, JSON.stringify(resource));
		});
		expect(status).toBe(1);
		expect(output).toContain(
			'schemas/resources/tickets.json methods.create body.contact: is an object without additionalProperties: false',
		);
	});
});
