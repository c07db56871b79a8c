/** Worker entry: fetch goes to the router, the cron runs the expiry reconcile. No logic here. */
import { reconcileExpiry } from './expiry/reconcile';
import { router } from './router';

export { AccountDirectory } from './directory/account-directory';
export { TokenExpiry } from './expiry/token-expiry';

export default {
	fetch: (request, env, ctx) => router.fetch(request, env, ctx),
	scheduled: (_controller, env, ctx) => ctx.waitUntil(reconcileExpiry(env)),
} satisfies ExportedHandler<Env>;
