/**
 * The consent page's proof, between its two steps, that the person pasted a valid access key for one
 * MCP server: the server's ids, signed for one consent handle (an HMAC key derived from CREDENTIAL_KEY
 * per handle), valid for ten minutes. It carries no secret, so the page never echoes the key.
 */
import { deriveHmacKey } from '../auth/derive-key';
import { openJson, sealJson } from '../lib/signed-json';

/** How long the confirmation step may take. */
export const TICKET_TTL_MS = 10 * 60_000;
/** Longest ticket text accepted. */
const MAX_TICKET_CHARS = 1024;

/** The server a ticket names. */
export interface TicketServer {
	server_id: string;
	account_id: string;
}

/** The key of the tickets of one consent `handle`: a ticket of another handle never verifies. */
function ticketKey(secret: string, handle: string): Promise<CryptoKey> {
	return deriveHmacKey(secret, 'edesk-mcp consent ticket v1', handle);
}

/** A ticket for `server`, bound to the consent `handle`. */
export async function signTicket(
	secret: string,
	handle: string,
	server: TicketServer,
	now: number,
): Promise<string> {
	return sealJson(
		[server.server_id, server.account_id, now + TICKET_TTL_MS],
		await ticketKey(secret, handle),
	);
}

/** The server of a ticket signed for this `handle` and not yet expired, else null. */
export async function verifyTicket(
	secret: string,
	handle: string,
	ticket: string,
	now: number,
): Promise<TicketServer | null> {
	const value = await openJson(ticket, await ticketKey(secret, handle), MAX_TICKET_CHARS);
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
