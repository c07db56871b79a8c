/** What the page knows while it is open: the API token (also in sessionStorage), the catalogue meta, accounts and servers. */
import type { Account, Meta, Server } from './types';

/** The sessionStorage key of the API token (this tab only; never localStorage, cookies or URLs). */
export const TOKEN_KEY = 'edesk-mcp.api-token';

export const state: {
	token: string | null;
	meta: Meta | null;
	accounts: Account[];
	accountId: string | null;
	servers: Server[];
} = { token: null, meta: null, accounts: [], accountId: null, servers: [] };

/** The meta-tools a discovery server lists, as words: "search_tools, get_tool_schema and call_tool". */
export function discoveryToolsText(): string {
	const names = meta().discovery_tools;
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

/** The catalogue meta, loaded at sign-in before any screen that needs it. */
export function meta(): Meta {
	if (!state.meta) throw new Error('the catalogue meta is not loaded yet');
	return state.meta;
}
