/** AES-GCM encryption at rest of eDesk credentials. */
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from '../../../worker/auth/credential-crypto';

const KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i)));
const OTHER_KEY = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 255 - i)));

describe('credential encryption', () => {
	it('round-trips a token and never stores the plaintext', async () => {
		const secret = await encryptSecret('edesk-token-123', KEY);
		expect(JSON.stringify(secret)).not.toContain('edesk-token-123');
		expect(await decryptSecret(secret, KEY)).toBe('edesk-token-123');
	});

	it('uses a fresh IV each time', async () => {
		const a = await encryptSecret('same', KEY);
		const b = await encryptSecret('same', KEY);
		expect(a.iv).not.toBe(b.iv);
		expect(a.ciphertext).not.toBe(b.ciphertext);
	});

	it('fails with another key', async () => {
		const secret = await encryptSecret('edesk-token-123', KEY);
		await expect(decryptSecret(secret, OTHER_KEY)).rejects.toThrow(/could not be decrypted/);
	});

	it('fails when the ciphertext was altered', async () => {
		const secret = await encryptSecret('edesk-token-123', KEY);
		const bytes = Uint8Array.from(atob(secret.ciphertext), (c) => c.charCodeAt(0));
		bytes[0] = (bytes[0] ?? 0) ^ 1;
		const altered = { ...secret, ciphertext: btoa(String.fromCharCode(...bytes)) };
		await expect(decryptSecret(altered, KEY)).rejects.toThrow(/could not be decrypted/);
	});

	it('refuses a missing key or one that is not 32 bytes', async () => {
		await expect(encryptSecret('x', undefined)).rejects.toThrow(/not configured/);
		await expect(encryptSecret('x', btoa('short'))).rejects.toThrow(/32 bytes/);
	});
});
