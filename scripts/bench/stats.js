/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
	if (sorted.length === 0) return null;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** p50/p95/p99/max of a list of milliseconds, rounded to 0.1 ms. */
export function summarise(values) {
	const sorted = Float64Array.from(values).sort();
	const round = (x) => (x === null ? null : Math.round(x * 10) / 10);
	return {
		count: sorted.length,
		p50: round(percentile(sorted, 50)),
		p95: round(percentile(sorted, 95)),
		p99: round(percentile(sorted, 99)),
		max: round(sorted.length ? sorted[sorted.length - 1] : null)
	};
}

/** Highest number of events in any one-second window (events given as sorted times in ms). */
export function peakPerSecond(times) {
	let best = 0;
	for (let i = 0, j = 0; i < times.length; i++) {
		while (times[i] - times[j] >= 1000) j++;
		best = Math.max(best, i - j + 1);
	}
	return best;
}
