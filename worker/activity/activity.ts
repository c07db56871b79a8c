/** The only user of env.ACTIVITY: writes and reads the activity log of one MCP server (its ServerActivity object). */
import type { ActivityEntry } from './activity-entry';
import type { ActivityPage, ActivitySummary, ServerActivity } from './server-activity';

function activityObject(
	env: Pick<Env, 'ACTIVITY'>,
	serverId: string,
): DurableObjectStub<ServerActivity> {
	// env.d.ts types the namespace loosely until typegen sees the class; the binding is ServerActivity.
	return (env.ACTIVITY as unknown as DurableObjectNamespace<ServerActivity>).getByName(serverId);
}

/**
 * Records `entry` after the response: `ctx.waitUntil` keeps the request alive for the write, off the
 * answer's path. A failed write is logged (ids only), never the caller's problem.
 */
export function recordActivity(
	env: Pick<Env, 'ACTIVITY'>,
	ctx: ExecutionContext,
	server: { id: string; account_id: string },
	entry: ActivityEntry,
): void {
	ctx.waitUntil(
		activityObject(env, server.id)
			.record(server.account_id, [entry])
			.catch((error: unknown) => {
				console.warn(
					JSON.stringify({
						msg: 'activity not recorded',
						server_id: server.id,
						error: error instanceof Error ? error.name : 'unknown',
					}),
				);
			}),
	);
}

/** A page of a server's log, newest first. */
export function listActivity(
	env: Pick<Env, 'ACTIVITY'>,
	server: { id: string; account_id: string },
	options: { limit: number; cursor: number | null; since: number | null },
): Promise<ActivityPage> {
	return activityObject(env, server.id).list(server.account_id, options);
}

/** Last use and the last 24 hours of a server. */
export function summarizeActivity(
	env: Pick<Env, 'ACTIVITY'>,
	server: { id: string; account_id: string },
): Promise<ActivitySummary> {
	return activityObject(env, server.id).summary(server.account_id, Date.now());
}
