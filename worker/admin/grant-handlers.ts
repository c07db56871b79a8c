/** Handlers of `/integrated-account/:id/mcp/:mcp_id/grants[/:grant_id]`: the OAuth sign-ins of one MCP server. */
import { grantsLastUsed } from '../activity/activity';
import { HttpError } from '../lib/errors';
import { json } from '../lib/http';
import { listServerGrants, revokeServerGrant } from '../oauth/grants';
import { audit, requireServer, type AdminContext } from './admin-context';

/** `GET …/grants`: the server's active OAuth grants (client, scope, created, expiry, last used), never a token. */
export async function listGrants(c: AdminContext): Promise<Response> {
	const server = await requireServer(c);
	const [grants, lastUsed] = await Promise.all([
		listServerGrants(c.env, server.id),
		grantsLastUsed(c.env, server).catch(() => ({}) as Record<string, string>),
	]);
	return json({ data: grants.map((g) => ({ ...g, last_used_at: lastUsed[g.id] ?? null })) });
}

/** `DELETE …/grants/:grant_id`: ends one sign-in at once (its refresh token and every access token). */
export async function revokeGrant(c: AdminContext): Promise<Response> {
	const server = await requireServer(c);
	const grantId = c.params.grant_id ?? '';
	if (!(await revokeServerGrant(c.env, server.id, grantId))) {
		throw new HttpError(
			404,
			'not_found',
			`No OAuth grant with id "${grantId}" on MCP server "${server.id}"`,
		);
	}
	audit(c, 'mcp.grant.revoke', {
		account_id: server.account_id,
		server_id: server.id,
		grant_id: grantId,
	});
	return json({ id: grantId, revoked: true });
}
