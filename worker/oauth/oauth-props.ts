/** What an OAuth grant of edesk-mcp carries (encrypted by the library): the one MCP server it opens. */

/** A grant's props: its server, found again by token hash on every request. No secret: the URL token itself is never kept. */
export interface OAuthProps {
	server_id: string;
	account_id: string;
	/** SHA-256 of the server's URL token: the key of its record (KV `token:<hash>`). */
	token_hash: string;
}

/** True when `value` has the shape of OAuthProps (a grant written by this Worker). */
export function isOAuthProps(value: unknown): value is OAuthProps {
	if (typeof value !== 'object' || value === null) return false;
	const p = value as Record<string, unknown>;
	return (
		typeof p.server_id === 'string' &&
		typeof p.account_id === 'string' &&
		typeof p.token_hash === 'string'
	);
}
