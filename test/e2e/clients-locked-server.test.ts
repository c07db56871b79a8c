/**
 * Real clients against a server created with require_api_token_auth, configured exactly as the README
 * says: the MCP Inspector CLI with `--header`, and mcp-remote (Claude Desktop) with
 * `--header "Authorization: Bearer ${EDESK_MCP_API_TOKEN}"` and the token in its environment.
 * The token is an `mcp`-scoped API token, the kind handed to a contractor's client.
 */
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { readDotenv, ROOT } from '../../scripts/local-server.mjs';
import { runInspector, startMcpRemote } from './client-processes';

let lockedUrl = '';
let mcpToken = '';

beforeAll(async () => {
	const res = await fetch(`${inject('origin')}/integrated-account/${inject('accountId')}/mcp`, {
		method: 'POST',
		headers: { authorization: `Bearer ${inject('apiToken')}`, 'content-type': 'application/json' },
		body: JSON.stringify({
			name: 'e2e locked',
			config: { methods: ['read'], tags: [], require_api_token_auth: true },
			expires_at: null,
		}),
	});
	expect(res.status).toBe(201);
	lockedUrl = ((await res.json()) as { url: string }).url;
	const secret = (readDotenv(join(ROOT as string, '.dev.vars')) as Record<string, string>)
		.JWT_SECRET!;
	mcpToken = await new SignJWT({ scope: 'mcp' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuer('edesk-mcp')
		.setAudience('edesk-mcp-admin')
		.setSubject('contractor@example.com')
		.setIssuedAt()
		.setJti(crypto.randomUUID())
		.setExpirationTime('10m')
		.sign(new TextEncoder().encode(secret));
});

function inspector(args: string[]): { status: number | null; stdout: string; stderr: string } {
	return runInspector(lockedUrl, args);
}

describe('MCP Inspector CLI on a locked server', () => {
	it('lists the read tools and calls one with --header "Authorization: Bearer <API token>"', () => {
		const list = inspector([
			'--header',
			`Authorization: Bearer ${mcpToken}`,
			'--method',
			'tools/list',
		]);
		expect(list.status, list.stderr).toBe(0);
		const tools = (
			JSON.parse(list.stdout) as {
				result: { tools: { name: string; annotations: { readOnlyHint: boolean } }[] };
			}
		).result.tools;
		expect(tools.length).toBeGreaterThan(0);
		for (const t of tools) expect(t.annotations.readOnlyHint, t.name).toBe(true);
		const call = inspector([
			'--header',
			`Authorization: Bearer ${mcpToken}`,
			'--method',
			'tools/call',
			'--tool-name',
			'list_all_e_desk_tickets',
			'--tool-arg',
			'limit=2',
		]);
		expect(call.status, call.stderr).toBe(0);
		const result = (
			JSON.parse(call.stdout) as { result: { isError?: boolean; content: { text: string }[] } }
		).result;
		expect(result.isError ?? false).toBe(false);
		expect((JSON.parse(result.content[0]!.text) as { items: unknown[] }).items).toHaveLength(2);
	});

	it('is refused without the header (exit code 3, auth required) and with a bad token', () => {
		for (const extra of [[], ['--header', `Authorization: Bearer ${mcpToken}x`]]) {
			const run = inspector([...extra, '--stored-auth-only', '--method', 'tools/list']);
			expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(3);
			expect(run.stdout + run.stderr).not.toContain(mcpToken);
		}
	});
});

describe('mcp-remote on a locked server, configured as the README shows for Claude Desktop', () => {
	it('lists and calls a tool with the API token taken from its environment', async () => {
		// Literally `${EDESK_MCP_API_TOKEN}`: mcp-remote expands it from its own environment.
		const header = 'Authorization: Bearer ${EDESK_MCP_API_TOKEN}';
		const client = startMcpRemote(lockedUrl, ['--header', header], {
			EDESK_MCP_API_TOKEN: mcpToken,
		});
		const { send, answer } = client;
		try {
			send({
				jsonrpc: '2.0',
				id: 1,
				method: 'initialize',
				params: {
					protocolVersion: '2025-06-18',
					capabilities: {},
					clientInfo: { name: 'claude-desktop-like', version: '0' },
				},
			});
			expect((await answer(1)).result?.serverInfo?.name, client.stderr().slice(-1000)).toBe(
				'edesk-mcp',
			);
			send({ jsonrpc: '2.0', method: 'notifications/initialized' });
			send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
			const tools = (await answer(2)).result?.tools ?? [];
			expect(tools.map((t) => t.name)).toContain('list_all_e_desk_tickets');
			expect(tools.map((t) => t.name)).not.toContain('create_a_e_desk_message');
			send({
				jsonrpc: '2.0',
				id: 3,
				method: 'tools/call',
				params: { name: 'list_all_e_desk_tickets', arguments: { limit: 1 } },
			});
			const call = (await answer(3)).result;
			expect(call?.isError ?? false).toBe(false);
			expect(
				(JSON.parse(call?.content?.[0]?.text ?? '{}') as { items?: unknown[] }).items,
			).toHaveLength(1);
			expect(client.stderr()).not.toContain(mcpToken);
		} finally {
			client.close();
		}
	});
});
