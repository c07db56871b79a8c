/** The route table and nothing else. */
import { Router, type IRequest } from 'itty-router';
import { createAccount, deleteAccount, getAccount, listAccounts } from './admin/account-handlers';
import { getActivity } from './admin/activity-handlers';
import { listRevocations, revokeApiToken } from './admin/api-token-handlers';
import { getCatalogMeta } from './admin/catalog-meta';
import { listGrants, revokeGrant } from './admin/grant-handlers';
import { adminRoute as admin, methodNotAllowed, noSuchRoute } from './admin/routes';
import {
	createServer,
	deleteServer,
	getServer,
	listServers,
	previewServer,
	updateServer,
} from './admin/server-handlers';
import { answerConsent, showConsent } from './oauth/consent';
import { CONSENT_CSS, CONSENT_CSS_PATH } from './oauth/consent-page';
import { parseConfig } from './config';
import { toErrorResponse } from './lib/errors';
import { json, notFound } from './lib/http';
import { handleMcpRequest } from './mcp/handler';
import { SERVER_INFO } from './mcp/protocol';
import { resolveServer } from './servers/resolve-server';

type Args = [Env, ExecutionContext];

export const router = Router<IRequest, Args>({
	catch: (error, request) => toErrorResponse(error, request as unknown as Request),
	finally: [(response: Response | undefined) => response ?? notFound()],
});

const ACCOUNT = '/integrated-account/:id';
const SERVERS = `${ACCOUNT}/mcp`;
const SERVER = `${SERVERS}/:mcp_id`;

router
	// OAuth / OpenID discovery probes (mcp-remote, Claude): a fast 404, never a 401.
	.all('/.well-known/*', () => notFound())
	.all('/mcp/:token', (request, env, ctx) => {
		const config = parseConfig(env);
		return handleMcpRequest(request as unknown as Request, {
			allowedOrigins: config.allowedOrigins,
			resolve: () =>
				resolveServer(request.params.token ?? '', request as unknown as Request, env, ctx, config),
		});
	})
	.all('/mcp/:token/*', () => notFound())
	// Management API (README "Management API"); account ids are UUIDs, so "meta" never names one.
	.get('/integrated-account/meta', admin(getCatalogMeta))
	.all('/integrated-account/meta', methodNotAllowed('GET'))
	.get('/integrated-account', admin(listAccounts))
	.post('/integrated-account', admin(createAccount))
	.all('/integrated-account', methodNotAllowed('GET, POST'))
	.get(ACCOUNT, admin(getAccount))
	.delete(ACCOUNT, admin(deleteAccount))
	.all(ACCOUNT, methodNotAllowed('GET, DELETE'))
	.get(SERVERS, admin(listServers))
	.post(SERVERS, admin(createServer))
	.all(SERVERS, methodNotAllowed('GET, POST'))
	.post(`${SERVERS}/preview`, admin(previewServer))
	.all(`${SERVERS}/preview`, methodNotAllowed('POST'))
	.get(SERVER, admin(getServer))
	.patch(SERVER, admin(updateServer))
	.delete(SERVER, admin(deleteServer))
	.all(SERVER, methodNotAllowed('GET, PATCH, DELETE'))
	.get(`${SERVER}/activity`, admin(getActivity))
	.all(`${SERVER}/activity`, methodNotAllowed('GET'))
	.get(`${SERVER}/grants`, admin(listGrants))
	.all(`${SERVER}/grants`, methodNotAllowed('GET'))
	.delete(`${SERVER}/grants/:grant_id`, admin(revokeGrant))
	.all(`${SERVER}/grants/:grant_id`, methodNotAllowed('DELETE'))
	.all('/integrated-account/*', noSuchRoute)
	.get('/api-tokens/revocations', admin(listRevocations))
	.post('/api-tokens/revocations', admin(revokeApiToken))
	.all('/api-tokens/revocations', methodNotAllowed('GET, POST'))
	.all('/api-tokens/*', noSuchRoute)
	// The OAuth consent page (README "Sign in with OAuth"); the provider serves the other OAuth endpoints.
	.get('/authorize', (request, env) => showConsent(request as unknown as Request, env))
	.post('/authorize', (request, env) => answerConsent(request as unknown as Request, env))
	.get(
		CONSENT_CSS_PATH,
		() =>
			new Response(CONSENT_CSS, {
				headers: {
					'content-type': 'text/css; charset=utf-8',
					'cache-control': 'public, max-age=3600',
					'x-content-type-options': 'nosniff',
				},
			}),
	)
	// /admin, /admin/app.js, /admin/app.css, /favicon.ico and /openapi.json are static assets
	// (dist/assets, built by scripts/build-assets.mjs), answered before the Worker runs.
	.get('/', () =>
		json({
			name: SERVER_INFO.name,
			version: SERVER_INFO.version,
			mcp: '/mcp/<token>',
			oauth_mcp: '/mcp',
		}),
	);
