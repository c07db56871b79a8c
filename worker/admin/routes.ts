/** The management API under /integrated-account: API-token auth first, then a small route table. No storage logic here. */
import { requireApiToken } from '../auth/bearer';
import { createTokenStore } from '../auth/token-store';
import { parseConfig } from '../config';
import { HttpError, toErrorResponse } from '../lib/errors';
import { createAccount, deleteAccount, getAccount, listAccounts } from './account-handlers';
import type { AdminContext } from './admin-context';
import { getCatalogMeta } from './catalog-meta';
import {
	createServer,
	deleteServer,
	getServer,
	listServers,
	previewServer,
	updateServer,
} from './server-handlers';

type Handler = (c: AdminContext) => Promise<Response>;
type MethodTable = Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>>;

/** Ids are UUIDs (or seeded ids); anything else cannot name a record. */
const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

/** Picks the handlers for a path (below /integrated-account) and fills its params; null when nothing lives there. */
function match(segments: readonly string[], params: AdminContext['params']): MethodTable | null {
	const [id, sub, mcpId, ...rest] = segments;
	if (id === undefined) return { GET: listAccounts, POST: createAccount };
	// Account ids are UUIDs, so the word 'meta' never names an account.
	if (id === 'meta' && sub === undefined) return { GET: getCatalogMeta };
	if (!ID_SHAPE.test(id) || rest.length > 0) return null;
	params.id = id;
	if (sub === undefined) return { GET: getAccount, DELETE: deleteAccount };
	if (sub !== 'mcp') return null;
	if (mcpId === undefined) return { GET: listServers, POST: createServer };
	if (mcpId === 'preview') return { POST: previewServer };
	if (!ID_SHAPE.test(mcpId)) return null;
	params.mcp_id = mcpId;
	return { GET: getServer, PATCH: updateServer, DELETE: deleteServer };
}

/** Handles every request whose path is /integrated-account or below it. Answers carry `Cache-Control: no-store`. */
export async function handleAdmin(
	request: Request,
	env: Env,
	_ctx: ExecutionContext,
): Promise<Response> {
	try {
		const config = parseConfig(env);
		const principal = await requireApiToken(request, config);
		const segments = new URL(request.url).pathname.split('/').filter(Boolean).slice(1);
		const params: AdminContext['params'] = {};
		const table = match(segments, params);
		if (!table) throw new HttpError(404, 'not_found', 'No such management route');
		const handler = table[request.method as keyof MethodTable];
		if (!handler) {
			throw new HttpError(405, 'method_not_allowed', `${request.method} is not allowed here`, {
				headers: { allow: Object.keys(table).join(', ') },
			});
		}
		return await handler({
			request,
			env,
			config,
			store: createTokenStore(env.TOKENS),
			principal,
			params,
		});
	} catch (error) {
		return toErrorResponse(error, request);
	}
}
