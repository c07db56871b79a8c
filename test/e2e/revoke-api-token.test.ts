/** scripts/mint-api-token.mjs and scripts/revoke-api-token.mjs against wrangler dev: a minted token works until revoked by its jti. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function run(
	script: string,
	args: string[],
): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], {
		cwd: root,
		encoding: 'utf8',
		timeout: 120_000,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function listAccounts(token: string): Promise<number> {
	const response = await fetch(`${inject('origin')}/integrated-account`, {
		headers: { authorization: `Bearer ${token}` },
	});
	await response.body?.cancel();
	return response.status;
}

describe('mint-api-token and revoke-api-token', () => {
	it('refuses to mint a token that lives longer than API_TOKEN_MAX_TTL_DAYS', () => {
		const minted = run('mint-api-token.mjs', [
			'--env',
			'local',
			'--subject',
			'e2e',
			'--ttl',
			'91d',
		]);
		expect(minted.status).toBe(2);
		expect(minted.stderr).toContain('--ttl must be between 60s and 90d (API_TOKEN_MAX_TTL_DAYS)');
	});

	it('revokes a minted token by its jti, straight in local KV', async () => {
		const minted = run('mint-api-token.mjs', [
			'--env',
			'local',
			'--subject',
			'e2e-revoke',
			'--ttl',
			'1h',
		]);
		expect(minted.status, minted.stderr).toBe(0);
		const token = minted.stdout.trim();
		const jti = /^jti (\S+),/.exec(minted.stderr)?.[1];
		expect(jti).toMatch(/^[0-9a-f-]{36}$/);
		expect(await listAccounts(token)).toBe(200);

		const revoked = run('revoke-api-token.mjs', [
			'--env',
			'local',
			'--persist-to',
			inject('persistTo'),
			'--jti',
			jti!,
		]);
		expect(revoked.status, revoked.stderr).toBe(0);
		expect(revoked.stdout).toContain(`Revoked API token ${jti} in local`);
		expect(await listAccounts(token)).toBe(401);
		expect(await listAccounts(inject('apiToken'))).toBe(200);
	});
});
