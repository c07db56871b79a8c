/** Entry of the local eDesk sandbox Worker: /__sandbox/* control hooks, everything else the eDesk
 * API under /v1. No logic here. */
import { handleApi } from './api';
import { handleControl } from './control';
import type { SandboxEnv } from './types';

export default {
	fetch(req: Request, env: SandboxEnv): Promise<Response> {
		const { pathname } = new URL(req.url);
		return pathname.startsWith('/__sandbox/') ? handleControl(req, env) : handleApi(req, env);
	},
} satisfies ExportedHandler<SandboxEnv>;
