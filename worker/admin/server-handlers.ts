/** Handlers of `/integrated-account/:id/mcp[...]`: create, list, read, update, revoke and preview MCP servers. */
import { summarizeActivity } from '../activity/activity';
import { createUrlToken, sha256Hex } from '../auth/hash';
import type { McpServerRecord } from '../auth/records';
import type { DirectoryRefusal } from '../directory/account-directory';
import { accountDirectory } from '../directory/directory';
import { isExpired } from '../expiry/is-expired';
import { HttpError } from '../lib/errors';
import { json } from '../lib/http';
import { discoveryOf } from '../tools/discovery/meta-tools';
import { estimateToolsListTokens } from '../tools/wire-tool';
import { toolsFor } from '../tools/filter-tools';
import { audit, requireAccount, requireServer, type AdminContext } from './admin-context';
import { readJsonBody } from './read-body';
import { CreateServerBodySchema, PreviewBodySchema, UpdateServerBodySchema } from './schemas';
import type { BodyOf, PreviewResultSchema } from './response-schemas';
import { requireExpiresAt, requireServerConfig } from './server-config';
import { byCreatedAt, NO_USAGE, toServerView, type UsageFigures } from './views';

/** `POST /integrated-account/:id/mcp`: 201 with the record plus `token` and `url`, shown this once only. */
export async function createServer(c: AdminContext): Promise<Response> {
	// The whole body is read and checked before any storage is touched.
	const body = await readJsonBody(c.request, CreateServerBodySchema);
	const config = requireServerConfig(body.config);
	const expiresAt = requireExpiresAt(body.expires_at, Date.now());
	const account = await requireAccount(c);
	const token = createUrlToken();
	const created = await accountDirectory(c.env, account.id).createServer({
		id: crypto.randomUUID(),
		account_id: account.id,
		name: body.name,
		config,
		token_hash: await sha256Hex(token),
		expires_at: expiresAt,
		created_at: new Date().toISOString(),
	});
	if (!created.ok) throw toRefusal(c, created.reason);
	const record = created.value;
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
	const sorted = servers.sort(byCreatedAt);
	const usage = await Promise.all(sorted.map((s) => usageOf(c, s)));
	return json({ data: sorted.map((s, i) => toServerView(s, usage[i])) });
}

/** `GET /integrated-account/:id/mcp/:mcp_id`. */
export async function getServer(c: AdminContext): Promise<Response> {
	const server = await requireServer(c);
	return json(toServerView(server, await usageOf(c, server)));
}

/** The activity figures of a server (a failed read of its log shows as unused, never as an error). */
async function usageOf(c: AdminContext, server: McpServerRecord): Promise<UsageFigures> {
	try {
		const { last_used_at, calls_24h, errors_24h } = await summarizeActivity(c.env, server);
		return { last_used_at, calls_24h, errors_24h };
	} catch {
		return NO_USAGE;
	}
}

/** How often a PATCH is re-applied when the server changed between reading and writing it. */
const UPDATE_ATTEMPTS = 3;

/** `PATCH /integrated-account/:id/mcp/:mcp_id`: rename, change filters (shallow merge), move or clear the expiry. */
export async function updateServer(c: AdminContext): Promise<Response> {
	// The whole body first: a PATCH whose body is still arriving has read nothing it could write back.
	const body = await readJsonBody(c.request, UpdateServerBodySchema);
	let current = await requireServer(c);
	for (let attempt = 1; ; attempt++) {
		const next: McpServerRecord = { ...current };
		if (body.name !== undefined) next.name = body.name;
		if (body.config !== undefined) next.config = requireServerConfig(body.config, current.config);
		if (body.expires_at !== undefined)
			next.expires_at = requireExpiresAt(body.expires_at, Date.now());
		// The directory writes only if KV still holds `current`: a revoked server stays revoked.
		const replaced = await accountDirectory(c.env, current.account_id).replaceServer(current, next);
		if (replaced.ok) {
			audit(c, 'mcp.update', { account_id: next.account_id, server_id: next.id });
			return json(toServerView(replaced.value, await usageOf(c, replaced.value)));
		}
		if (replaced.reason !== 'conflict' || !replaced.current || attempt === UPDATE_ATTEMPTS) {
			throw toRefusal(c, replaced.reason);
		}
		current = replaced.current;
	}
}

/** `DELETE /integrated-account/:id/mcp/:mcp_id`: revokes the URL at once and cancels its alarm. */
export async function deleteServer(c: AdminContext): Promise<Response> {
	const account = await requireAccount(c);
	// Expired-but-not-evicted records are deletable too.
	const deleted = await accountDirectory(c.env, account.id).deleteServer(
		account.id,
		c.params.mcp_id ?? '',
	);
	if (!deleted.ok) throw toRefusal(c, deleted.reason);
	audit(c, 'mcp.delete', { account_id: account.id, server_id: deleted.value.id });
	return json({ id: deleted.value.id, deleted: true });
}

/** The HTTP answer to a write the account's directory refused. */
function toRefusal(c: AdminContext, reason: DirectoryRefusal): HttpError {
	switch (reason) {
		case 'account_gone':
			return new HttpError(
				404,
				'not_found',
				`No integrated account with id "${c.params.id ?? ''}"`,
			);
		case 'server_gone':
			return new HttpError(
				404,
				'not_found',
				`No MCP server with id "${c.params.mcp_id ?? ''}" on integrated account "${c.params.id ?? ''}"`,
			);
		case 'failed':
			// Logged by the directory; a generic 500 for the caller.
			return new HttpError(500, 'internal_error', 'Internal error');
		case 'conflict':
			return new HttpError(
				409,
				'conflict',
				'The MCP server kept changing while this request was applied; try again',
			);
		default: {
			const never: never = reason;
			return never;
		}
	}
}

/**
 * `POST /integrated-account/:id/mcp/preview`: the tools a config would expose, by the same filter as
 * /mcp, and what its tools/list holds (a discovery server lists its three meta-tools instead).
 */
export async function previewServer(c: AdminContext): Promise<Response> {
	await requireAccount(c);
	const body = await readJsonBody(c.request, PreviewBodySchema);
	const config = requireServerConfig(body.config);
	const tools = toolsFor(config);
	const listed = config.tool_exposure === 'discovery' ? discoveryOf(tools).listed : tools;
	return json({
		tools: tools.map((t) => ({ name: t.name, description: t.description, method: t.method })),
		count: tools.length,
		tool_exposure: config.tool_exposure,
		listed: listed.map((t) => t.name),
		tokens_estimate: estimateToolsListTokens(listed),
	} satisfies BodyOf<typeof PreviewResultSchema>);
}
