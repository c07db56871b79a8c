/** HMAC-SHA-256 keys derived from a Worker secret (HKDF, RFC 5869), one per purpose. Never logs or returns key material. */

const encoder = new TextEncoder();
/** Keys kept per isolate; the oldest goes first. */
const MAX_KEYS = 1_000;
const keys = new Map<string, Promise<CryptoKey>>();

/**
 * The HMAC key for `purpose` (the HKDF info label: a new label is a new, unrelated key) and `salt`
 * (e.g. a token hash, so each MCP server has its own), derived from `secret`.
 */
export function deriveHmacKey(secret: string, purpose: string, salt: string): Promise<CryptoKey> {
	const id = `${purpose}\u0000${salt}\u0000${secret.length}`;
	let key = keys.get(id);
	if (!key) {
		key = derive(secret, purpose, salt);
		key.catch(() => keys.delete(id));
		if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value as string);
		keys.set(id, key);
	}
	return key;
}

async function derive(secret: string, purpose: string, salt: string): Promise<CryptoKey> {
	const ikm = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, [
		'deriveKey',
	]);
	return crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(salt), info: encoder.encode(purpose) },
		ikm,
		{ name: 'HMAC', hash: 'SHA-256', length: 256 },
		false,
		['sign'],
	);
}
