/**
 * The consent page's proof, between its two steps, that the person pasted a valid access key for one
 * MCP server: the server's ids, signed for one consent handle (an HMAC key derived from CREDENTIAL_KEY
 * per handle), valid for ten minutes. It carries no secret, so the page never echoes the key.
 */
import { deriveHmacKey } from '../auth/derive-key';
import { fromBase64Url, toBase64Url } from '../lib/base64url';

/** How long the confirmation step may take. */
export const TICKET_TTL_MS = 10 * 60_000;
const SIGNATURE_BYTES = 16;
const encoder = new TextEncoder();

/** The server a ticket names. */
export interface TicketServer {
	server_id: string;
	account_id: string;
}

async function mac(secret: string, handle: string, payload: string): Promise<Uint8Array> {
	const key = await deriveHmacKey(secret, 'edesk-mcp consent ticket v1', handle);
	return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(payload))).slice(
		0,
		SIGNATURE_BYTES,
	);
}

/** A ticket for `server`, bound to the consent `handle`. */
export async function signTicket(
	secret: string,
	handle: string,
	server: TicketServer,
	now: number,
): Promise<string> {
	const payload = toBase64Url(
		encoder.encode(JSON.stringify([server.server_id, server.account_id, now + TICKET_TTL_MS])),
	);
	return `${payload}.${toBase64Url(await mac(secret, handle, payload))}`;
}

/** The server of a ticket signed for this `handle` and not yet expired, else null. */
export async function verifyTicket(
	secret: string,
	handle: string,
	ticket: string,
	now: number,
): Promise<TicketServer | null> {
	const [payload, signature, extra] = ticket.split('.');
	if (!payload || !signature || extra !== undefined || ticket.length > 1024) return null;
	const given = fromBase64Url(signature);
	if (!given || given.byteLength !== SIGNATURE_BYTES) return null;
	if (!crypto.subtle.timingSafeEqual(given, await mac(secret, handle, payload))) return null;
	const bytes = fromBase64Url(payload);
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder().decode(bytes ?? new Uint8Array()));
	} catch {
		return null;
	}
	if (!Array.isArray(value) || value.length !== 3) return null;
	const [serverId, accountId, expiresAt] = value as unknown[];
	if (
		typeof serverId !== 'string' ||
		typeof accountId !== 'string' ||
		typeof expiresAt !== 'number'
	)
		return null;
	return expiresAt > now ? { server_id: serverId, account_id: accountId } : null;
}
