/** Contractor tokens seeded straight into local KV with scripts/seed-tokens.mjs work on the running server. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Runs the script for local KV; `port` instead of --base-url leaves the origin to the PORT variable. */
function seed(
	args: string[],
	options: { port?: string } = {},
): { status: number | null; stdout: string; stderr: string } {
	const origin = options.port === undefined ? ['--base-url', inject('origin')] : [];
	const env = { ...process.env, PORT: options.port ?? '' };
	const run = spawnSync(
		process.execPath,
		[
			join(root, 'scripts/seed-tokens.mjs'),
			'--env',
			'local',
			'--persist-to',
			inject('persistTo'),
			...origin,
			'--account',
			inject('accountId'),
			...args,
		],
		{ cwd: root, encoding: 'utf8', timeout: 120_000, env },
	);
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function rpc(
	url: string,
	method: string,
	params?: object,
): Promise<{ status: number; body: any }> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('scripts/seed-tokens.mjs against wrangler dev', () => {
	it('prints a URL once that serves only the seeded filter, and the record holds no raw token', async () => {
		const expiresAt = new Date(Date.now() + 2 * 3600_000).toISOString();
		const run = seed([
			'--name',
			'Contractor (e2e)',
			'--expires-at',
			expiresAt,
			'--methods',
			'read',
			'--tags',
			'orders',
		]);
		expect(run.status, run.stderr).toBe(0);
		const url = /(http:\/\/\S+\/mcp\/em_[A-Za-z0-9_-]+)/.exec(run.stdout)?.[1];
		expect(url).toBeDefined();
		const { status, body } = await rpc(url!, 'tools/list');
		expect(status).toBe(200);
		const tools: { name: string; annotations: { readOnlyHint: boolean } }[] = body.result.tools;
		expect(tools.length).toBeGreaterThan(0);
		expect(tools.every((t) => t.annotations.readOnlyHint)).toBe(true);
		expect(tools.map((t) => t.name)).toContain('get_single_e_desk_sales_order_by_id');
		expect(tools.map((t) => t.name)).not.toContain('list_all_e_desk_templates');
		const call = await rpc(url!, 'tools/call', {
			name: 'create_a_e_desk_message',
			arguments: { ticket_id: 1, type: 'Note', body: 'x' },
		});
		expect(call.body.error.code).toBe(-32602);
	});

	it('seeds a discovery server with --tool-exposure discovery: three meta-tools reach its tools', async () => {
		const run = seed([
			'--name',
			'Contractor, discovery (e2e)',
			'--methods',
			'read',
			'--tool-exposure',
			'discovery',
		]);
		expect(run.status, run.stderr).toBe(0);
		const url = /(http:\/\/\S+\/mcp\/em_[A-Za-z0-9_-]+)/.exec(run.stdout)?.[1] ?? '';
		const listed = await rpc(url, 'tools/list');
		expect(listed.body.result.tools.map((t: { name: string }) => t.name)).toEqual([
			'search_tools',
			'get_tool_schema',
			'call_tool',
		]);
		const found = await rpc(url, 'tools/call', {
			name: 'search_tools',
			arguments: { query: 'create message' },
		});
		const names = JSON.parse(found.body.result.content[0].text).tools.map(
			(t: { name: string }) => t.name,
		);
		expect(names).not.toContain('create_a_e_desk_message');
		const me = await rpc(url, 'tools/call', {
			name: 'call_tool',
			arguments: { name: 'get_single_e_desk_me' },
		});
		expect(me.body.result.isError).toBeUndefined();
		const direct = await rpc(url, 'tools/call', { name: 'get_single_e_desk_me', arguments: {} });
		expect(direct.body.result.isError).toBe(true);
		expect(JSON.parse(direct.body.result.content[0].text).error).toBe('use_call_tool');
		expect(seed(['--name', 'Bad exposure', '--tool-exposure', 'some']).status).toBe(2);
	});

	it('prints URLs on the running port (PORT) when no --base-url is given', async () => {
		const port = new URL(inject('origin')).port;
		const run = seed(['--name', 'Contractor on PORT (e2e)', '--methods', 'read'], { port });
		expect(run.status, run.stderr).toBe(0);
		const url = /(http:\/\/\S+\/mcp\/em_[A-Za-z0-9_-]+)/.exec(run.stdout)?.[1] ?? '';
		expect(url.startsWith(`http://127.0.0.1:${port}/mcp/em_`)).toBe(true);
		expect((await rpc(url, 'tools/list')).status).toBe(200);
	});

	it('refuses an expiry less than 60 s ahead before writing anything', () => {
		const run = seed([
			'--name',
			'Too soon',
			'--expires-at',
			new Date(Date.now() + 10_000).toISOString(),
		]);
		expect(run.status).not.toBe(0);
		expect(run.stdout).not.toMatch(/\/mcp\/em_/);
	});
});
