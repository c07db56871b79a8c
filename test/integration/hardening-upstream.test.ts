/**
 * Regressions: redirects from an eDesk base URL were
 * followed (the /whoami check and tool calls reached another port, API token included), and the
 * account check's errors told hosts and ports apart. Every eDesk call now goes through the one eDesk
 * client, which never follows a redirect; for a host that is not known to be eDesk every failure of
 * the check reads the same.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { encryptSecret } from '../../worker/auth/credential-crypto';
import { createTokenStore } from '../../worker/auth/token-store';
import { adminJson } from '../helpers/admin';
import { callTool, createTestServer } from '../helpers/mcp';

const foreign = inject('foreignHost').origin;

async function targetHits(): Promise<number> {
	return ((await (await fetch(`${foreign}/__hits`)).json()) as { target: number }).target;
}

function connect(baseUrl: string): ReturnType<typeof adminJson> {
	return adminJson('/integrated-account', {
		method: 'POST',
		json: { name: 'Probe', api_token: 'some-token', base_url: baseUrl },
	});
}

describe('redirects from eDesk', () => {
	it('refuses an account whose /whoami redirects, without following it', async () => {
		const before = await targetHits();
		const { response, body } = await connect(`${foreign}/redirect/v1`);
		expect(response.status).toBe(400);
		expect(body.error.code).toBe('invalid_request');
		expect(await targetHits()).toBe(before);
	});

	it('answers a tool call that eDesk redirects with an isError, without following it', async () => {
		const server = await createTestServer();
		const store = createTokenStore(env.TOKENS);
		const account = await store.getAccount(server.accountId);
		await store.putAccount({
			...account!,
			base_url: `${foreign}/redirect/v1`,
			credential: await encryptSecret('sandbox-full-access', env.CREDENTIAL_KEY),
		});
		const before = await targetHits();
		const { isError, data } = await callTool(server.url, 'list_all_e_desk_tickets');
		expect(isError).toBe(true);
		expect(data).toEqual({
			error: 'upstream_invalid_response',
			status: 302,
			message: 'eDesk answered with a redirect (HTTP 302), which is never followed',
		});
		expect(await targetHits()).toBe(before);
	});
});

describe('the account check on a host that is not known to be eDesk', () => {
	it('gives one same answer for a closed port, a 404, a 401, a redirect and a timeout-free non-API', async () => {
		const bases = [
			'http://127.0.0.1:9/v1',
			`${foreign}/v1`,
			`${foreign}/unauthorized/v1`,
			`${foreign}/redirect/v1`,
		];
		const answers = [];
		for (const base of bases) {
			const { response, body } = await connect(base);
			answers.push({
				status: response.status,
				code: body.error.code,
				message: body.error.message.replaceAll(base, '<base_url>'),
			});
		}
		expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
		expect(answers[0]).toEqual({
			status: 400,
			code: 'invalid_request',
			message:
				'base_url: no eDesk API at <base_url> accepted this API token (GET <base_url>/whoami); check base_url and the token',
		});
	}, 20_000);
});
