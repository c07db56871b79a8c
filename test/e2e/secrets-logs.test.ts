/**
 * What `wrangler dev` prints (as `npm start` runs it) after MCP and management traffic, including error
 * paths: no raw URL token, API token or plaintext eDesk credential, and no request log line with an
 * MCP path. The log text comes from the file global-setup.ts keeps appending wrangler's output to.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const SANDBOX_BASE_URL = 'http://edesk-sandbox.local/v1';
const SANDBOX_TOKEN = 'sandbox-full-access';
const JSON_HEADERS = {
	'content-type': 'application/json',
	accept: 'application/json, text/event-stream',
};

const urlTokens: string[] = [];
let log = '';

/** What the management API answered (only the fields these tests read). */
interface AdminAnswer {
	status: number;
	data: { id: string; token: string; url: string } | null;
}

async function admin(
	method: string,
	path: string,
	body?: unknown,
	token = inject('apiToken'),
): Promise<AdminAnswer> {
	const res = await fetch(`${inject('origin')}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${token}`,
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, data: text ? (JSON.parse(text) as AdminAnswer['data']) : null };
}

async function mcp(
	url: string,
	message: object,
	headers: Record<string, string> = {},
): Promise<number> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { ...JSON_HEADERS, 'mcp-protocol-version': '2025-11-25', ...headers },
		body: JSON.stringify(message),
	});
	await res.text();
	return res.status;
}

const strip = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');

beforeAll(async () => {
	const mcpUrl = inject('mcpUrl');
	urlTokens.push(mcpUrl.split('/mcp/')[1]!, inject('readOnlyMcpUrl').split('/mcp/')[1]!);
	const call = (id: number, name: string, args: object) => ({
		jsonrpc: '2.0',
		id,
		method: 'tools/call',
		params: { name, arguments: args },
	});

	// A second account connected with the plaintext credential, and one refused (both bodies carry a token).
	const account = await admin('POST', '/integrated-account', {
		name: 'Log check shop',
		api_token: SANDBOX_TOKEN,
		base_url: SANDBOX_BASE_URL,
	});
	expect(account.status).toBe(201);
	expect(
		(
			await admin('POST', '/integrated-account', {
				name: 'Refused',
				api_token: 'sandbox-not-a-token',
				base_url: SANDBOX_BASE_URL,
			})
		).status,
	).toBe(400);
	const accountId = account.data!.id;
	const locked = await admin('POST', `/integrated-account/${accountId}/mcp`, {
		name: 'locked',
		config: { methods: ['read'], require_api_token_auth: true },
		expires_at: null,
	});
	expect(locked.status).toBe(201);
	const { token: lockedToken, url: lockedUrl } = locked.data!;
	urlTokens.push(lockedToken);

	// MCP traffic: reads, a write, an isError, refusals, unknown and altered tokens.
	expect(
		await mcp(mcpUrl, {
			jsonrpc: '2.0',
			id: 1,
			method: 'initialize',
			params: {
				protocolVersion: '2025-11-25',
				capabilities: {},
				clientInfo: { name: 'log-check', version: '0' },
			},
		}),
	).toBe(200);
	expect(await mcp(mcpUrl, { jsonrpc: '2.0', id: 2, method: 'tools/list' })).toBe(200);
	expect(await mcp(mcpUrl, call(3, 'list_all_e_desk_tickets', { limit: 2 }))).toBe(200);
	expect(
		await mcp(
			mcpUrl,
			call(4, 'create_a_e_desk_message', { ticket_id: 701581498, type: 'Note', body: 'log check' }),
		),
	).toBe(200);
	expect(await mcp(mcpUrl, call(5, 'get_single_e_desk_ticket_by_id', { id: 1 }))).toBe(200);
	expect(await mcp(mcpUrl, { jsonrpc: '2.0', id: 6, method: 'nope' })).toBe(200);
	expect(await mcp(`${mcpUrl}x`, { jsonrpc: '2.0', id: 7, method: 'ping' })).toBe(404);
	expect(await mcp(lockedUrl, { jsonrpc: '2.0', id: 8, method: 'tools/list' })).toBe(401);
	expect(
		await mcp(
			lockedUrl,
			{ jsonrpc: '2.0', id: 9, method: 'tools/list' },
			{ authorization: `Bearer ${inject('apiToken')}x` },
		),
	).toBe(401);
	expect(
		await mcp(
			lockedUrl,
			{ jsonrpc: '2.0', id: 10, method: 'tools/list' },
			{ authorization: `Bearer ${inject('apiToken')}` },
		),
	).toBe(200);
	expect((await fetch(lockedUrl)).status).toBe(405);
	// Management refusals and clean-up (revokes the locked server with the account).
	expect(
		(await admin('GET', '/integrated-account', undefined, `${inject('apiToken')}x`)).status,
	).toBe(401);
	expect((await admin('GET', '/integrated-account', undefined, lockedToken)).status).toBe(401);
	expect((await admin('DELETE', `/integrated-account/${accountId}`)).status).toBe(200);

	// wrangler writes its lines asynchronously; give it a moment to flush.
	await new Promise((r) => setTimeout(r, 1_500));
	log = strip(readFileSync(inject('logFile'), 'utf8'));
});

describe('wrangler dev output after e2e traffic', () => {
	it('holds no API token', () => {
		const apiToken = inject('apiToken');
		expect(log).not.toContain(apiToken);
		expect(log).not.toContain(apiToken.split('.')[2]!);
		expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\./);
	});

	it('holds no plaintext eDesk credential', () => {
		expect(log).not.toContain(SANDBOX_TOKEN);
		expect(log).not.toContain('sandbox-not-a-token');
	});

	it('holds no raw URL token, in request log lines or elsewhere', () => {
		for (const token of urlTokens) {
			expect(log).not.toContain(token);
			expect(log).not.toContain(token.slice(3));
		}
		const requestLines = log.split('\n').filter((l) => /\[wrangler:info\]\s+[A-Z]+ \//.test(l));
		expect(requestLines.filter((l) => /\/mcp\/(?!\[redacted\])/.test(l))).toEqual([]);
		expect(log).not.toMatch(/\/mcp\/em_/);
	});
});
