/** AES-256-GCM encryption at rest of eDesk API tokens, keyed by the CREDENTIAL_KEY secret. Never logs plaintext. */
import type { EncryptedSecret } from './records';

/** Bytes in an AES-GCM nonce (NIST SP 800-38D recommends 96 bits). */
const IV_BYTES = 12;
/** CREDENTIAL_KEY is base64 of exactly this many random bytes (AES-256). */
const KEY_BYTES = 32;

const keys = new Map<string, Promise<CryptoKey>>();

/** Encrypts `plaintext` with a fresh random IV. */
export async function encryptSecret(
	plaintext: string,
	keyBase64: string | undefined,
): Promise<EncryptedSecret> {
	const key = await importKey(keyBase64);
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const data = new TextEncoder().encode(plaintext);
	const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
	return { iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)) };
}

/** Decrypts a value from encryptSecret; throws when the key is wrong or the ciphertext was altered. */
export async function decryptSecret(
	secret: EncryptedSecret,
	keyBase64: string | undefined,
): Promise<string> {
	const key = await importKey(keyBase64);
	const iv = fromBase64(secret.iv);
	if (iv.byteLength !== IV_BYTES) throw new Error('Stored credential has an invalid IV');
	try {
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv },
			key,
			fromBase64(secret.ciphertext),
		);
		return new TextDecoder().decode(plain);
	} catch (cause) {
		throw new Error(
			'Stored credential could not be decrypted (wrong CREDENTIAL_KEY or altered data)',
			{ cause },
		);
	}
}

function importKey(keyBase64: string | undefined): Promise<CryptoKey> {
	if (!keyBase64) return Promise.reject(new Error('CREDENTIAL_KEY is not configured'));
	let key = keys.get(keyBase64);
	if (!key) {
		key = (async () => {
			const raw = fromBase64(keyBase64.trim());
			if (raw.byteLength !== KEY_BYTES) {
				throw new Error(`CREDENTIAL_KEY must be base64 of ${KEY_BYTES} bytes`);
			}
			return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, [
				'encrypt',
				'decrypt',
			]);
		})();
		key.catch(() => keys.delete(keyBase64));
		keys.set(keyBase64, key);
	}
	return key;
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

function fromBase64(value: string): Uint8Array<ArrayBuffer> {
	let binary: string;
	try {
		binary = atob(value);
	} catch (cause) {
		throw new Error('Invalid base64 in credential data', { cause });
	}
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
