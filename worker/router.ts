/** The route table and nothing else. */
import { Router, type IRequest } from 'itty-router';
import { handleAdmin } from './admin/routes';
import { handleAdminUi } from './admin-ui/handle-admin-ui';
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
	.all('/integrated-account', (request, env, ctx) =>
		handleAdmin(request as unknown as Request, env, ctx),
	)
	.all('/integrated-account/*', (request, env, ctx) =>
		handleAdmin(request as unknown as Request, env, ctx),
	)
	.all('/admin', (request) => handleAdminUi(request as unknown as Request))
	.all('/admin/*', (request) => handleAdminUi(request as unknown as Request))
	.get('/', () =>
		json({ name: SERVER_INFO.name, version: SERVER_INFO.version, mcp: '/mcp/<token>' }),
	);
