/** `GET /integrated-account/:id/mcp/:mcp_id/activity`: one MCP server's activity log, newest first. */
import * as z from 'zod/mini';
import { listActivity } from '../activity/activity';
import {
	ACTIVITY_CURSOR,
	fromActivityCursor,
	type ActivityEntry,
} from '../activity/activity-entry';
import { HttpError } from '../lib/errors';
import { json } from '../lib/http';
import { requireAccount, type AdminContext } from './admin-context';
import { toIssueLines } from './schemas';

/** Records a page holds by default, and at most. */
export const ACTIVITY_PAGE_DEFAULT = 50;
export const ACTIVITY_PAGE_MAX = 200;

const LIMIT_MESSAGE = `must be a whole number from 1 to ${ACTIVITY_PAGE_MAX}`;

/** The query of the activity route: `limit`, `cursor` (from the last page), `since` (ISO 8601). */
export const ActivityQuerySchema = z.strictObject(
	{
		limit: z.optional(
			z.string().check(
				// The pattern shows in the OpenAPI document; the range follows once it matches.
				z.regex(/^\d{1,3}$/, { error: LIMIT_MESSAGE, abort: true }),
				z.refine((s) => Number(s) >= 1 && Number(s) <= ACTIVITY_PAGE_MAX, LIMIT_MESSAGE),
			),
		),
		cursor: z.optional(
			z.string().check(z.regex(ACTIVITY_CURSOR, 'must be the next_cursor of the previous page')),
		),
		since: z.optional(
			z.iso.datetime({
				offset: true,
				error: 'must be an ISO 8601 date-time such as 2026-12-01T00:00:00Z',
			}),
		),
	},
	{
		error: (issue) =>
			issue.code === 'unrecognized_keys'
				? `unknown parameter(s): ${(issue.keys ?? []).join(', ')}`
				: 'invalid query',
	},
);

/** An activity record as the API shows it: times as ISO 8601. */
export type ActivityView = Omit<ActivityEntry, 'at'> & { at: string };

/**
 * The log of a server of this account: live, expired or revoked (a revoked server's log stays until
 * its records age out, so "what did it do" can still be answered). 404 when there is no such server
 * and no log of it.
 */
export async function getActivity(c: AdminContext): Promise<Response> {
	const account = await requireAccount(c);
	const parsed = ActivityQuerySchema.safeParse(
		Object.fromEntries(new URL(c.request.url).searchParams),
	);
	if (!parsed.success) {
		const lines = toIssueLines(parsed.error, 'query');
		throw new HttpError(400, 'invalid_request', `Invalid query: ${lines.join('; ')}`, {
			details: lines,
		});
	}
	const limit = parsed.data.limit === undefined ? ACTIVITY_PAGE_DEFAULT : Number(parsed.data.limit);
	const serverId = c.params.mcp_id ?? '';
	const server = { id: serverId, account_id: account.id };
	const page = await listActivity(c.env, server, {
		limit,
		cursor: parsed.data.cursor === undefined ? null : fromActivityCursor(parsed.data.cursor),
		since: parsed.data.since === undefined ? null : Date.parse(parsed.data.since),
	});
	if (page.data.length === 0 && !(await c.store.getServer(account.id, serverId))) {
		throw new HttpError(
			404,
			'not_found',
			`No MCP server with id "${serverId}" on integrated account "${account.id}"`,
		);
	}
	return json({ data: page.data.map(toActivityView), next_cursor: page.next_cursor });
}

function toActivityView(entry: ActivityEntry): ActivityView {
	return { ...entry, at: new Date(entry.at).toISOString() };
}
