/** Handlers of `/integrated-account/:id/mcp[...]`: create, list, read, update, revoke and preview MCP servers. */
import { createUrlToken, sha256Hex } from '../auth/hash';
import type { McpServerRecord } from '../auth/records';
import { isExpired } from '../expiry/is-expired';
import { cancelExpiry, scheduleExpiry } from '../expiry/schedule';
import { HttpError } from '../lib/errors';
import { json } from '../lib/http';
import { TOOL_CATALOG } from '../tools/catalog';
import { estimateToolsListTokens } from '../tools/wire-tool';
import { filterTools } from '../tools/filter-tools';
import { audit, requireAccount, requireServer, type AdminContext } from './admin-context';
import { readJsonBody } from './read-body';
import { CreateServerBodySchema, PreviewBodySchema, UpdateServerBodySchema } from './schemas';
import { requireExpiresAt, requireServerConfig } from './server-config';
import { byCreatedAt, toServerView } from './views';

/** `POST /integrated-account/:id/mcp`: 201 with the record plus `token` and `url`, shown this once only. */
export async function createServer(c: AdminContext): Promise<Response> {
	const account = await requireAccount(c);
	const body = await readJsonBody(c.request, CreateServerBodySchema);
	const config = requireServerConfig(body.config);
	const expiresAt = requireExpiresAt(body.expires_at, Date.now());
	const token = createUrlToken();
	const record: McpServerRecord = {
		id: crypto.randomUUID(),
		account_id: account.id,
		name: body.name,
		config,
		token_hash: await sha256Hex(token),
		expires_at: expiresAt,
		created_at: new Date().toISOString(),
	};
	if (expiresAt !== null) {
		// Alarm first: if the KV write then fails, the alarm finds nothing to evict.
		await scheduleExpiry(c.env, record);
		record.expiry_scheduled = true;
	}
	await c.store.putServer(record);
	audit(c, 'mcp.create', { account_id: account.id, server_id: record.id });
	// PUBLIC_URL, never the Host header (which a client sets); only development falls back to it.
	const url = `${c.config.publicUrl ?? new URL(c.request.url).origin}/mcp/${token}`;
	return json({ ...toServerView(record), token, url }, { status: 201 });
}

/** `GET /integrated-account/:id/mcp`: live servers only, without tokens. */
export async function listServers(c: AdminContext): Promise<Response> {
	const account = await requireAccount(c);
	const now = Date.now();
	const servers = (await c.store.listServers(account.id)).filter((s) => !isExpired(s, now));
	return json({ data: servers.sort(byCreatedAt).map(toServerView) });
}

/** `GET /integrated-account/:id/mcp/:mcp_id`. */
export async function getServer(c: AdminContext): Promise<Response> {
	return json(toServerView(await requireServer(c)));
}

/** `PATCH /integrated-account/:id/mcp/:mcp_id`: rename, change filters (shallow merge), move or clear the expiry. */
export async function updateServer(c: AdminContext): Promise<Response> {
	const current = await requireServer(c);
	const body = await readJsonBody(c.request, UpdateServerBodySchema);
	const next: McpServerRecord = { ...current };
	if (body.name !== undefined) next.name = body.name;
	if (body.config !== undefined) next.config = requireServerConfig(body.config, current.config);
	if (body.expires_at !== undefined)
		next.expires_at = requireExpiresAt(body.expires_at, Date.now());
	if (next.expires_at === null) {
		if (current.expires_at !== null) await cancelExpiry(c.env, current.token_hash);
		delete next.expiry_scheduled;
	} else if (next.expires_at !== current.expires_at || !current.expiry_scheduled) {
		await scheduleExpiry(c.env, next);
		next.expiry_scheduled = true;
	}
	await c.store.putServer(next);
	audit(c, 'mcp.update', { account_id: next.account_id, server_id: next.id });
	return json(toServerView(next));
}

/** `DELETE /integrated-account/:id/mcp/:mcp_id`: revokes the URL at once and cancels its alarm. */
export async function deleteServer(c: AdminContext): Promise<Response> {
	const account = await requireAccount(c);
	const id = c.params.mcp_id ?? '';
	// Expired-but-not-evicted records are deletable too; requireServer would hide them.
	const server = await c.store.getServer(account.id, id);
	if (!server) {
		throw new HttpError(
			404,
			'not_found',
			`No MCP server with id "${id}" on integrated account "${account.id}"`,
		);
	}
	await cancelExpiry(c.env, server.token_hash);
	await c.store.deleteServer(server);
	audit(c, 'mcp.delete', { account_id: account.id, server_id: server.id });
	return json({ id: server.id, deleted: true });
}

/** `POST /integrated-account/:id/mcp/preview`: the tools a config would expose, by the same filter as /mcp. */
export async function previewServer(c: AdminContext): Promise<Response> {
	await requireAccount(c);
	const body = await readJsonBody(c.request, PreviewBodySchema);
	const config = requireServerConfig(body.config);
	const tools = filterTools(TOOL_CATALOG, config);
	return json({
		tools: tools.map((t) => ({ name: t.name, description: t.description, method: t.method })),
		count: tools.length,
		tokens_estimate: estimateToolsListTokens(tools),
	});
}
