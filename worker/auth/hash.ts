/** SHA-256 hashing and constant-time comparison for secrets. Never logs or stores its inputs. */
import { toBase64Url } from '../lib/base64url';

const encoder = new TextEncoder();

/** Lowercase hex SHA-256 of a UTF-8 string. */
export async function sha256Hex(value: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', encoder.encode(value));
	return toHex(new Uint8Array(digest));
}

/** Constant-time equality of two lowercase hex digests of the same length (no hashing needed). */
export function timingSafeEqualHex(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	return crypto.subtle.timingSafeEqual(encoder.encode(a), encoder.encode(b));
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Hex encoding of bytes. */
export function toHex(bytes: Uint8Array): string {
	let out = '';
	for (const byte of bytes) out += HEX[byte];
	return out;
}

/** A new random URL token: `em_` + 32 random bytes, base64url. */
export function createUrlToken(): string {
	return `em_${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
}
