/** Secrets in logs and answers: URL tokens, API tokens and eDesk credentials never appear, whatever fails. */
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redactTokens } from '../../worker/lib/redact';
import {
	adminFetch,
	adminJson,
	createSandboxAccount,
	mintApiToken,
	SANDBOX_FULL_TOKEN,
} from '../helpers/admin';
import { createTestServer, post, rpc, resetSandbox, sandboxControl } from '../helpers/mcp';

let lines: string[] = [];
beforeEach(async () => {
	lines = [];
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
			lines.push(
				args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' '),
			);
		});
	}
	await resetSandbox();
});
afterEach(() => {
	vi.restoreAllMocks();
});

function expectAbsent(secrets: string[], texts: string[]): void {
	for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('logs and answers on error paths', () => {
	it('never carry the URL token, the API token or the eDesk credential', async () => {
		const apiToken = await mintApiToken();
		const accountId = await createSandboxAccount('Log check');
		const created = await adminJson(`/integrated-account/${accountId}/mcp`, {
			method: 'POST',
			json: { name: 'locked', config: { methods: ['read'], require_api_token_auth: true } },
		});
		const lockedUrl: string = created.body.url;
		const lockedToken = lockedUrl.split('/mcp/')[1]!;
		const open = await createTestServer();
		const answers: string[] = [];
		const keep = async (res: Response): Promise<void> => {
			answers.push(`${res.status} ${[...res.headers].join(' ')} ${await res.text()}`);
		};

		const list = '{"jsonrpc":"2.0","id":1,"method":"tools/list"}';
		await keep(await post(lockedUrl, list));
		await keep(await post(lockedUrl, list, { authorization: 'Bearer not-a-jwt' }));
		await keep(await post(lockedUrl, list, { authorization: `Bearer ${apiToken}x` }));
		await keep(await post(`${open.url}x`, '{"jsonrpc":"2.0","id":1,"method":"ping"}'));
		await keep(await post(open.url, '{"jsonrpc":'));
		await sandboxControl('fail-next', {
			status: 500,
			body: { error: { httpCode: 500, message: 'boom', details: 'boom' } },
		});
		await keep(
			await post(
				open.url,
				'{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_all_e_desk_users","arguments":{}}}',
			),
		);
		await sandboxControl('fail-next', { status: 403 });
		await keep(
			await post(
				open.url,
				'{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_single_e_desk_me","arguments":{}}}',
			),
		);
		await keep(await adminFetch('/integrated-account', { token: `${apiToken}x` }));
		await keep(
			await adminFetch('/integrated-account', {
				method: 'POST',
				json: {
					name: 'bad',
					api_token: 'wrong-edesk-token',
					base_url: 'http://edesk-sandbox.local/v1',
				},
			}),
		);

		const secrets = [open.token, lockedToken, apiToken, 'wrong-edesk-token', SANDBOX_FULL_TOKEN];
		expectAbsent(secrets, lines);
		expectAbsent(secrets, answers);
		expect(answers).toHaveLength(9);
		expect(answers[0]).toMatch(/^401 /);
		expect(answers[3]).toMatch(/^404 /);
	});

	it('logs an unexpected failure with the token redacted from the path', async () => {
		const server = await createTestServer();
		const { toErrorResponse } = await import('../../worker/lib/errors');
		const res = toErrorResponse(new TypeError(`boom at ${server.url}`), new Request(server.url));
		expect(res.status).toBe(500);
		expect(await res.text()).not.toContain('boom');
		expect(lines.join('\n')).not.toContain(server.token);
		expect(lines.join('\n')).toContain('/mcp/[redacted]');
	});
});

describe('redactTokens', () => {
	it('removes URL tokens and bearer credentials from any text', () => {
		const text =
			'POST /mcp/em_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG?x=1 authorization: Bearer eyJhbGciOi.e30.sig em_ZZZZZZZZZZZZZZZZZZZZZZZZ';
		const out = redactTokens(text);
		expect(out).toBe('POST /mcp/[redacted]?x=1 authorization: Bearer [redacted] [redacted]');
	});
});

describe('KV after MCP traffic', () => {
	it('holds no URL token, API token or eDesk credential', async () => {
		const server = await createTestServer();
		const apiToken = await mintApiToken();
		await rpc(server.url, 'tools/call', {
			name: 'list_all_e_desk_tickets',
			arguments: { limit: 2 },
		});
		await rpc(server.url, 'tools/call', {
			name: 'create_a_e_desk_message',
			arguments: { ticket_id: 701581498, type: 'Note', body: 'kv check' },
		});
		await adminFetch('/integrated-account', { token: apiToken });
		let cursor: string | undefined;
		const dump: string[] = [];
		do {
			const page = await env.TOKENS.list({ cursor });
			for (const key of page.keys) dump.push(key.name, (await env.TOKENS.get(key.name)) ?? '');
			cursor = page.list_complete ? undefined : page.cursor;
		} while (cursor);
		expect(dump.length).toBeGreaterThan(0);
		expectAbsent([server.token, apiToken, SANDBOX_FULL_TOKEN], dump);
	});
});
