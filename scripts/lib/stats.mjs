/** Latency statistics (nearest-rank percentiles) and fixed-width text tables for the scripts. Node only. */

/** The p-th percentile (0–100) of ascending `sorted` by nearest rank; NaN when empty. */
export function percentile(sorted, p) {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** `{ count, p50, p90, p99, max, mean }` of latencies in ms. */
export function summarize(latencies) {
	const sorted = Float64Array.from(latencies).sort();
	const sum = sorted.reduce((a, b) => a + b, 0);
	return {
		count: sorted.length,
		p50: percentile(sorted, 50),
		p90: percentile(sorted, 90),
		p99: percentile(sorted, 99),
		max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
		mean: sorted.length ? sum / sorted.length : Number.NaN,
	};
}

/** Rounds to `digits` decimals (JSON-friendly). */
export const round = (n, digits = 3) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

/** Renders rows (arrays of cells) under `header` as a left/right aligned text table. */
export function formatTable(header, rows) {
	const all = [header, ...rows].map((r) =>
		r.map((c) => (c === null || c === undefined ? '–' : String(c))),
	);
	const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
	const numeric = header.map((_, i) =>
		rows.every(
			(r) => typeof r[i] === 'number' || /^[-+]?[\d.,]+( ?[a-z%×]+)?$/i.test(String(r[i] ?? '')),
		),
	);
	const line = (r) =>
		r.map((c, i) => (numeric[i] && i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
	return [
		line(all[0]),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...all.slice(1).map(line),
	].join('\n');
}
