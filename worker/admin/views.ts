/** What the management API shows of stored records: never credentials, URL tokens or token hashes. */
import type { AccountRecord, McpServerRecord } from '../auth/records';

/** An integrated account as returned by the API. */
export interface AccountView {
	id: string;
	name: string;
	base_url: string;
	edesk_user?: AccountRecord['edesk_user'];
	created_at: string;
}

/** An MCP server as returned by the API (its URL is shown only once, at creation). */
export interface ServerView {
	id: string;
	account_id: string;
	name: string;
	config: McpServerRecord['config'];
	expires_at: string | null;
	created_at: string;
	seeded: boolean;
	/** From its activity log: the last tools/call, and calls and failed calls over the last 24 hours. */
	last_used_at: string | null;
	calls_24h: number;
	errors_24h: number;
}

/** The activity figures of a server view (all zero for a server never used). */
export type UsageFigures = Pick<ServerView, 'last_used_at' | 'calls_24h' | 'errors_24h'>;

/** A server that has not been called yet. */
export const NO_USAGE: UsageFigures = { last_used_at: null, calls_24h: 0, errors_24h: 0 };

/** The public view of an account. */
export function toAccountView(account: AccountRecord): AccountView {
	const view: AccountView = {
		id: account.id,
		name: account.name,
		base_url: account.base_url,
		created_at: account.created_at,
	};
	if (account.edesk_user) view.edesk_user = account.edesk_user;
	return view;
}

/** The public view of an MCP server with its activity figures. */
export function toServerView(server: McpServerRecord, usage: UsageFigures = NO_USAGE): ServerView {
	return {
		id: server.id,
		account_id: server.account_id,
		name: server.name,
		config: server.config,
		expires_at: server.expires_at,
		created_at: server.created_at,
		seeded: server.seeded === true,
		last_used_at: usage.last_used_at,
		calls_24h: usage.calls_24h,
		errors_24h: usage.errors_24h,
	};
}

/** Oldest first, then by id, so lists are stable. */
export function byCreatedAt(
	a: { created_at: string; id: string },
	b: { created_at: string; id: string },
): number {
	return a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);
}
