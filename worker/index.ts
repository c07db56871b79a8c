/** Worker entry: fetch goes to app.ts (path-token URLs, OAuth, the router), the cron runs the expiry reconcile. No logic here. */
import { reconcileExpiry } from './expiry/reconcile';
import { handleRequest } from './app';

export { AccountDirectory } from './directory/account-directory';
export { ServerActivity } from './activity/server-activity';
export { AttemptLimiter } from './oauth/attempt-limiter';
export { TokenExpiry } from './expiry/token-expiry';

export default {
	fetch: (request, env, ctx) => handleRequest(request, env, ctx),
	scheduled: (_controller, env, ctx) => ctx.waitUntil(reconcileExpiry(env)),
} satisfies ExportedHandler<Env>;
