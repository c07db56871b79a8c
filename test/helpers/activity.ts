/** Reads an MCP server's activity log through the management API, waiting for records still being written. */
import { expect } from 'vitest';
import { adminJson } from './admin';

/** The log of `server` once it holds at least `count` records (writes land within a second). */
export async function activityOf(
	server: { accountId: string; serverId: string },
	count: number,
): Promise<any[]> {
	const path = `/integrated-account/${server.accountId}/mcp/${server.serverId}/activity`;
	let data: any[] = [];
	await expect
		.poll(
			async () => {
				data = (await adminJson(path)).body.data;
				return data.length;
			},
			{ timeout: 5_000, interval: 100 },
		)
		.toBeGreaterThanOrEqual(count);
	return data;
}
