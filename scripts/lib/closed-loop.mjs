/** Closed-loop load: `concurrency` workers each run `task` back to back until a deadline. Node only. */

/**
 * Runs `task(workerIndex)` (resolving `{ ok, ms }`) from `concurrency` workers for `durationMs`, or
 * until `maxRequests` have started. Returns `{ latencies, errors, firstError, elapsedMs, rps }`; a
 * rejected task counts as an error.
 */
export async function runClosedLoop({ concurrency, durationMs, maxRequests = Infinity, task }) {
	const latencies = [];
	let errors = 0;
	let firstError;
	let started = 0;
	const t0 = performance.now();
	const deadline = t0 + durationMs;
	async function worker(index) {
		while (performance.now() < deadline && started < maxRequests) {
			started += 1;
			try {
				const out = await task(index);
				if (out.ok) latencies.push(out.ms);
				else {
					errors += 1;
					firstError ??= out.error ?? 'not ok';
				}
			} catch (error) {
				errors += 1;
				firstError ??= error instanceof Error ? error.message : String(error);
			}
		}
	}
	await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
	const elapsedMs = performance.now() - t0;
	return {
		latencies,
		errors,
		firstError,
		elapsedMs,
		rps: (latencies.length + errors) / (elapsedMs / 1000),
	};
}
