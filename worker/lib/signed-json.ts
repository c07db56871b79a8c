/**
 * A JSON value a client may hold but not forge (list cursors, consent tickets):
 * base64url(JSON) "." base64url(the first 16 bytes of its HMAC-SHA-256). Checked in constant time.
 */
import { fromBase64Url, toBase64Url } from './base64url';

const SIGNATURE_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function sign(payload: string, key: CryptoKey): Promise<Uint8Array> {
	const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(payload));
	return new Uint8Array(mac).slice(0, SIGNATURE_BYTES);
}

/** `value` as signed text under the HMAC `key`. */
export async function sealJson(value: unknown, key: CryptoKey): Promise<string> {
	const payload = toBase64Url(encoder.encode(JSON.stringify(value)));
	return `${payload}.${toBase64Url(await sign(payload, key))}`;
}

/**
 * The value of text that `sealJson` wrote with `key`; undefined when it is longer than `maxLength`,
 * malformed, or signed with another key (so edited or forged).
 */
export async function openJson(
	text: string,
	key: CryptoKey,
	maxLength: number,
): Promise<unknown | undefined> {
	const [payload, signature, extra] = text.split('.');
	if (!payload || !signature || extra !== undefined || text.length > maxLength) return undefined;
	const given = fromBase64Url(signature);
	if (!given || given.byteLength !== SIGNATURE_BYTES) return undefined;
	if (!crypto.subtle.timingSafeEqual(given, await sign(payload, key))) return undefined;
	const bytes = fromBase64Url(payload);
	if (!bytes) return undefined;
	try {
		return JSON.parse(decoder.decode(bytes)) as unknown;
	} catch {
		return undefined;
	}
}
