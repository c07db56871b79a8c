/**
 * Checks a load run against the MCP server's activity log: every tools/call the clients made is in it
 * exactly once (per tool and outcome, the log's counts equal the clients'), once the log has settled.
 * Node only.
 */

const PAGE = 200;

/** Every record of the server's log, newest first (pages of 200). */
async function readLog(origin, apiToken, path) {
	const records = [];
	let cursor = null;
	do {
		const query = new URLSearchParams({ limit: String(PAGE), ...(cursor ? { cursor } : {}) });
		const res = await fetch(`${origin}${path}?${query}`, {
			headers: { authorization: `Bearer ${apiToken}` },
		});
		if (!res.ok) throw new Error(`activity ${res.status}: ${(await res.text()).slice(0, 200)}`);
		const page = await res.json();
		records.push(...page.data);
		cursor = page.next_cursor;
	} while (cursor);
	return records;
}

/** `{tool: {ok, rate_limited, other}}` of a list of activity records. */
function countLog(records) {
	const counts = {};
	for (const r of records) {
		const c = (counts[r.tool] ??= { ok: 0, rate_limited: 0, other: 0 });
		if (r.outcome === 'ok') c.ok += 1;
		else if (r.error_code === 'rate_limited') c.rate_limited += 1;
		else c.other += 1;
	}
	return counts;
}

/**
 * Compares the log of `server` with `byTool` (the clients' counts). Waits up to `settleMs` for the
 * last writes (they happen after each response). Returns `{ logged, duplicates, problems }`.
 */
export async function verifyActivity({
	origin,
	apiToken,
	accountId,
	serverId,
	byTool,
	settleMs = 15_000,
}) {
	const path = `/integrated-account/${accountId}/mcp/${serverId}/activity`;
	const expected = [...byTool.values()].reduce((n, t) => n + t.calls, 0);
	let records = [];
	const deadline = Date.now() + settleMs;
	do {
		records = await readLog(origin, apiToken, path);
		if (records.length >= expected) break;
		await new Promise((r) => setTimeout(r, 500));
	} while (Date.now() < deadline);
	const ids = new Set(records.map((r) => r.id));
	const counts = countLog(records);
	const problems = [];
	if (ids.size !== records.length)
		problems.push(`activity log: ${records.length - ids.size} records doubled`);
	for (const [tool, t] of byTool) {
		const c = counts[tool] ?? { ok: 0, rate_limited: 0, other: 0 };
		if (c.ok !== t.ok || c.rate_limited !== t.rate_limited || c.other !== t.errors) {
			problems.push(
				`activity log of ${tool}: ${c.ok} ok, ${c.rate_limited} rate-limited, ${c.other} other; clients saw ${t.ok}, ${t.rate_limited}, ${t.errors}`,
			);
		}
	}
	for (const tool of Object.keys(counts))
		if (!byTool.has(tool)) problems.push(`activity log has calls of ${tool} that no client made`);
	return { logged: records.length, expected, problems };
}
