/** The key that signs one MCP server's list cursors, derived from the CREDENTIAL_KEY secret. */
import { deriveHmacKey } from './derive-key';

/**
 * The HMAC-SHA-256 key for the cursors of the server with `tokenHash`: HKDF-SHA-256 of the Worker's
 * CREDENTIAL_KEY with the token hash as salt. Anyone may know a token hash's input (the URL), but not
 * the secret, so no client can sign a cursor; and a cursor of one server never verifies on another.
 */
export function deriveCursorKey(credentialKey: string, tokenHash: string): Promise<CryptoKey> {
	return deriveHmacKey(credentialKey, 'edesk-mcp list cursor v1', tokenHash);
}
