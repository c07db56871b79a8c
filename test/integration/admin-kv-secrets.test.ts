/** Secrets at rest: no raw URL token and no plaintext eDesk credential is ever written to KV. */
import { describe, expect, it } from 'vitest';
import { adminJson, createSandboxAccount, inSeconds, SANDBOX_FULL_TOKEN } from '../helpers/admin';
import { dumpKv } from '../helpers/kv-dump';

describe('KV contents', () => {
	it('never hold a URL token or an eDesk credential in plaintext', async () => {
		const accountId = await createSandboxAccount('Secrets');
		const tokens: string[] = [];
		for (const [i, expires_at] of [inSeconds(86_400), null].entries()) {
			const { body } = await adminJson(`/integrated-account/${accountId}/mcp`, {
				method: 'POST',
				json: { name: `s${i}`, expires_at, config: { methods: ['read', 'write'] } },
			});
			tokens.push(body.token);
			await adminJson(`/integrated-account/${accountId}/mcp/${body.id}`, {
				method: 'PATCH',
				json: { name: `renamed ${i}` },
			});
		}
		const entries = await dumpKv();
		expect(entries.length).toBeGreaterThanOrEqual(5);
		for (const { name, value } of entries) {
			for (const secret of [...tokens, SANDBOX_FULL_TOKEN]) {
				expect(name).not.toContain(secret);
				expect(value).not.toContain(secret);
			}
			expect(value).not.toMatch(/em_[A-Za-z0-9_-]{20,}/);
			expect(value).not.toContain(btoa(SANDBOX_FULL_TOKEN));
		}
	});
});
