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
}

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

/** The public view of an MCP server. */
export function toServerView(server: McpServerRecord): ServerView {
	return {
		id: server.id,
		account_id: server.account_id,
		name: server.name,
		config: server.config,
		expires_at: server.expires_at,
		created_at: server.created_at,
		seeded: server.seeded === true,
	};
}

/** Oldest first, then by id, so lists are stable. */
export function byCreatedAt(
	a: { created_at: string; id: string },
	b: { created_at: string; id: string },
): number {
	return a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);
}
