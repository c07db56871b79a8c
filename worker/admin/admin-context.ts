/** What every management handler receives, and the lookups that turn a missing id into a 404. */
import type { ApiPrincipal } from '../auth/bearer';
import type { AccountRecord, McpServerRecord } from '../auth/records';
import type { TokenStore } from '../auth/token-store';
import type { Config } from '../config';
import { isExpired } from '../expiry/is-expired';
import { HttpError } from '../lib/errors';

/** One authenticated management request. */
export interface AdminContext {
	request: Request;
	env: Env;
	config: Config;
	store: TokenStore;
	principal: ApiPrincipal;
	/** Path parameters: `id` (account), `mcp_id` (MCP server) and `grant_id` (OAuth grant) where the route has them. */
	params: { id?: string; mcp_id?: string; grant_id?: string };
}

/** The account named by the path, or HttpError 404. */
export async function requireAccount(c: AdminContext): Promise<AccountRecord> {
	const id = c.params.id ?? '';
	const account = await c.store.getAccount(id);
	if (!account) throw new HttpError(404, 'not_found', `No integrated account with id "${id}"`);
	return account;
}

/** The live (unexpired) MCP server named by the path, or HttpError 404. */
export async function requireServer(c: AdminContext): Promise<McpServerRecord> {
	const account = await requireAccount(c);
	const id = c.params.mcp_id ?? '';
	const server = await c.store.getServer(account.id, id);
	if (!server || isExpired(server, Date.now())) {
		throw new HttpError(
			404,
			'not_found',
			`No MCP server with id "${id}" on integrated account "${account.id}"`,
		);
	}
	return server;
}

/** Writes one audit line for a change (ids and subject only; never tokens or credentials). */
export function audit(c: AdminContext, action: string, ids: Record<string, string>): void {
	console.log(JSON.stringify({ msg: 'admin', action, subject: c.principal.subject, ...ids }));
}
