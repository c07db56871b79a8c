/** The only user of env.ACTIVITY: writes and reads the activity log of one MCP server (its ServerActivity object). */
import type { ActivityEntry, ActivityListOptions } from './activity-entry';
import type { ActivityPage, ActivitySummary, ServerActivity } from './server-activity';

/** How long records of one server gather in an isolate before they are written in one call. */
export const ACTIVITY_FLUSH_MS = 200;
/** Most records one write carries (a fuller batch starts a new one). */
const MAX_BATCH = 500;

function activityObject(
	env: Pick<Env, 'ACTIVITY'>,
	serverId: string,
): DurableObjectStub<ServerActivity> {
	// env.d.ts types the namespace loosely until typegen sees the class; the binding is ServerActivity.
	return (env.ACTIVITY as unknown as DurableObjectNamespace<ServerActivity>).getByName(serverId);
}

interface Batch {
	entries: ActivityEntry[];
}

/** The open batch of each server in this isolate. */
const batches = new Map<string, Batch>();

/**
 * Records `entry` off the answer's path. Records of one server gather for ACTIVITY_FLUSH_MS and go
 * in one write: the request that opened the batch keeps itself alive (`ctx.waitUntil`) until that
 * write is done, so nothing is lost when the isolate goes. A write is tried twice (records carry ids:
 * a repeat is kept once); a failure after that is logged (ids only).
 */
export function recordActivity(
	env: Pick<Env, 'ACTIVITY'>,
	ctx: ExecutionContext,
	server: { id: string; account_id: string },
	entry: ActivityEntry,
): void {
	const open = batches.get(server.id);
	if (open && open.entries.length < MAX_BATCH) {
		open.entries.push(entry);
		return;
	}
	const batch: Batch = { entries: [entry] };
	batches.set(server.id, batch);
	ctx.waitUntil(flushLater(env, server, batch));
}

async function flushLater(
	env: Pick<Env, 'ACTIVITY'>,
	server: { id: string; account_id: string },
	batch: Batch,
): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ACTIVITY_FLUSH_MS));
	if (batches.get(server.id) === batch) batches.delete(server.id);
	for (let attempt = 1; ; attempt++) {
		try {
			await activityObject(env, server.id).record(server.account_id, batch.entries);
			return;
		} catch (error) {
			if (attempt < 2) continue;
			console.warn(
				JSON.stringify({
					msg: 'activity not recorded',
					server_id: server.id,
					records: batch.entries.length,
					error: error instanceof Error ? error.name : 'unknown',
				}),
			);
			return;
		}
	}
}

/** A page of a server's log, newest first. */
export function listActivity(
	env: Pick<Env, 'ACTIVITY'>,
	server: { id: string; account_id: string },
	options: ActivityListOptions,
): Promise<ActivityPage> {
	return activityObject(env, server.id).list(server.account_id, options);
}

/** When each OAuth grant of a server was last used, by grant id. */
export function grantsLastUsed(
	env: Pick<Env, 'ACTIVITY'>,
	server: { id: string; account_id: string },
): Promise<Record<string, string>> {
	return activityObject(env, server.id).grantsLastUsed(server.account_id);
}

/** Last use and the last 24 hours of a server. */
export function summarizeActivity(
	env: Pick<Env, 'ACTIVITY'>,
	server: { id: string; account_id: string },
): Promise<ActivitySummary> {
	return activityObject(env, server.id).summary(server.account_id, Date.now());
}
