/** The key that signs one MCP server's list cursors, derived from the CREDENTIAL_KEY secret. Never logs or returns key material. */

const encoder = new TextEncoder();
/** HKDF context label; a new label is a new, unrelated key (RFC 5869 §3.2). */
const CURSOR_KEY_INFO = 'edesk-mcp list cursor v1';
/** Keys kept per isolate; the oldest goes first. */
const MAX_KEYS = 1_000;

const keys = new Map<string, Promise<CryptoKey>>();

/**
 * The HMAC-SHA-256 key for the cursors of the server with `tokenHash`: HKDF-SHA-256 of the Worker's
 * CREDENTIAL_KEY with the token hash as salt. Anyone may know a token hash's input (the URL), but not
 * the secret, so no client can sign a cursor; and a cursor of one server never verifies on another.
 */
export function deriveCursorKey(credentialKey: string, tokenHash: string): Promise<CryptoKey> {
	const id = `${tokenHash}:${credentialKey.length}`;
	let key = keys.get(id);
	if (!key) {
		key = derive(credentialKey, tokenHash);
		key.catch(() => keys.delete(id));
		if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value as string);
		keys.set(id, key);
	}
	return key;
}

async function derive(credentialKey: string, tokenHash: string): Promise<CryptoKey> {
	const secret = await crypto.subtle.importKey(
		'raw',
		encoder.encode(credentialKey),
		'HKDF',
		false,
		['deriveKey'],
	);
	return crypto.subtle.deriveKey(
		{
			name: 'HKDF',
			hash: 'SHA-256',
			salt: encoder.encode(tokenHash),
			info: encoder.encode(CURSOR_KEY_INFO),
		},
		secret,
		{ name: 'HMAC', hash: 'SHA-256', length: 256 },
		false,
		['sign'],
	);
}
