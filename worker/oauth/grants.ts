/** The OAuth grants of one MCP server (each grant's user is the server id): listed for /admin, revoked with the server. */
import type { GrantSummary } from '@cloudflare/workers-oauth-provider';
import { oauthApi } from './provider';

/** What the management API shows of a grant: never a token. */
export interface GrantView {
	id: string;
	client_id: string;
	client_name: string | null;
	scope: readonly string[];
	created_at: string;
	expires_at: string | null;
}

/** Every grant of the server, oldest first. */
export async function listServerGrants(env: Env, serverId: string): Promise<GrantView[]> {
	const oauth = oauthApi(env);
	const grants: GrantSummary[] = [];
	let cursor: string | undefined;
	do {
		const page = await oauth.listUserGrants(serverId, { cursor, limit: 1000 });
		grants.push(...page.items);
		cursor = page.cursor;
	} while (cursor);
	return grants.sort((a, b) => a.createdAt - b.createdAt).map(toGrantView);
}

/** Revokes one grant of the server (its refresh token and every access token); false when it has no such grant. */
export async function revokeServerGrant(
	env: Env,
	serverId: string,
	grantId: string,
): Promise<boolean> {
	const grants = await listServerGrants(env, serverId);
	if (!grants.some((g) => g.id === grantId)) return false;
	await oauthApi(env).revokeGrant(grantId, serverId);
	return true;
}

/** Revokes every grant of the server; the count revoked. */
export async function revokeServerGrants(env: Env, serverId: string): Promise<number> {
	const grants = await listServerGrants(env, serverId);
	const oauth = oauthApi(env);
	await Promise.all(grants.map((g) => oauth.revokeGrant(g.id, serverId)));
	return grants.length;
}

function toGrantView(grant: GrantSummary): GrantView {
	const metadata = (grant.metadata ?? {}) as { client_name?: unknown };
	return {
		id: grant.id,
		client_id: grant.clientId,
		client_name: typeof metadata.client_name === 'string' ? metadata.client_name : null,
		scope: grant.scope,
		created_at: new Date(grant.createdAt * 1000).toISOString(),
		expires_at:
			grant.expiresAt === undefined ? null : new Date(grant.expiresAt * 1000).toISOString(),
	};
}
