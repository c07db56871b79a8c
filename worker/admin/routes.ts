/** The management API's route wrapper: API-token auth, path-parameter checks and the request's AdminContext. No storage logic here. */
import type { IRequest } from 'itty-router';
import { requireApiToken } from '../auth/bearer';
import { createTokenStore } from '../auth/token-store';
import { parseConfig } from '../config';
import { HttpError, toErrorResponse } from '../lib/errors';
import type { AdminContext } from './admin-context';

/** A management handler: one authenticated request in, one response out. */
export type AdminHandler = (c: AdminContext) => Promise<Response>;
/** The shape itty-router calls a route with. */
export type RouteHandler = (
	request: IRequest,
	env: Env,
	ctx: ExecutionContext,
) => Promise<Response>;

/** Ids are UUIDs (or seeded ids); anything else cannot name a record. */
export const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Wraps a handler for the router: every management route needs an admin API token (401 first, before
 * 404 or 405, so an unauthenticated caller learns nothing of the route table), its `:id` and
 * `:mcp_id` must look like ids, and every answer carries `Cache-Control: no-store`.
 */
export function adminRoute(handler: AdminHandler): RouteHandler {
	return async (request, env) => {
		const raw = request as unknown as Request;
		try {
			const config = parseConfig(env);
			const store = createTokenStore(env.TOKENS);
			const principal = await requireApiToken(raw, config, {
				scope: 'admin',
				isRevoked: store.isApiTokenRevoked,
			});
			const params: AdminContext['params'] = {};
			for (const name of ['id', 'mcp_id', 'grant_id'] as const) {
				const value = request.params[name];
				if (value === undefined) continue;
				if (!ID_SHAPE.test(value)) throw noRoute();
				params[name] = value;
			}
			return await handler({ request: raw, env, config, store, principal, params });
		} catch (error) {
			return toErrorResponse(error, raw);
		}
	};
}

/** 405 with the methods a management path allows (after auth, like every management answer). */
export function methodNotAllowed(allow: string): RouteHandler {
	return adminRoute(async (c) => {
		throw new HttpError(405, 'method_not_allowed', `${c.request.method} is not allowed here`, {
			headers: { allow },
		});
	});
}

/** 404 for a management path that names nothing (after auth). */
export const noSuchRoute: RouteHandler = adminRoute(async () => {
	throw noRoute();
});

function noRoute(): HttpError {
	return new HttpError(404, 'not_found', 'No such management route');
}
