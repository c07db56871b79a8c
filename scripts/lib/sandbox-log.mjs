/**
 * Collects the eDesk sandbox's request log (GET /__sandbox/requests) while a load runs. The sandbox keeps
 * only its newest 10 000 entries, so the collector polls, merges entries by `seq`, and reports when
 * entries may have been dropped between two polls. Node only.
 */

/** Entries the sandbox keeps (scripts/edesk-sandbox/request-log.ts MAX_LOG_ENTRIES). */
export const SANDBOX_LOG_CAPACITY = 10_000;

/**
 * Polls `methods` (e.g. ['POST', 'PUT']) from the sandbox at `sandboxOrigin` every `intervalMs`.
 * `traffic()` must return `{ started, completed }` counts of requests that can reach the sandbox;
 * they bound how many entries can be appended between two polls. `stop()` does a final poll and
 * resolves `{ entries, polls, overflowRisk }` (entries sorted by seq).
 */
export function createRequestLogCollector({ sandboxOrigin, methods, intervalMs = 1000, traffic }) {
	const bySeq = new Map();
	let polls = 0;
	let overflowRisk = false;
	let completedBeforeLastPoll = 0;
	let stopped = false;

	async function poll() {
		const completedAtStart = traffic().completed;
		for (const method of methods) {
			const res = await fetch(`${sandboxOrigin}/__sandbox/requests?method=${method}`);
			if (!res.ok) throw new Error(`GET /__sandbox/requests: ${res.status}`);
			for (const entry of (await res.json()).data) bySeq.set(entry.seq, entry);
		}
		// Entries appended since the previous snapshot come from requests not completed when it
		// started; when fewer than the capacity were in that window, none fell off the log.
		if (traffic().started - completedBeforeLastPoll >= SANDBOX_LOG_CAPACITY) overflowRisk = true;
		completedBeforeLastPoll = completedAtStart;
		polls += 1;
	}

	const loop = (async () => {
		while (!stopped) {
			await poll();
			await new Promise((r) => setTimeout(r, intervalMs));
		}
	})();

	return {
		async stop() {
			stopped = true;
			await loop;
			await poll();
			return { entries: [...bySeq.values()].sort((a, b) => a.seq - b.seq), polls, overflowRisk };
		},
	};
}
