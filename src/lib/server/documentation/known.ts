import type { RankedOffer, ReportStation } from './model';

// With a handful of answers a share says little: when enough offers have this many, only those are ranked.
const SOLID_ANSWERS = 5;

/** The best- and the least-known offer by share of Ja (more answers first on a tie); `least` only if it differs. */
export function bestAndLeastKnown(stations: readonly ReportStation[]): { best: RankedOffer | undefined; least: RankedOffer | undefined } {
	const answered = stations.flatMap((s) => s.offers.filter((o) => o.answers > 0).map((o) => ({ ...o, stationTitle: s.title })));
	const solid = answered.filter((o) => o.answers >= SOLID_ANSWERS);
	const pool = solid.length >= 2 ? solid : answered;
	const ranked = [...pool].sort((a, b) => b.share! - a.share! || b.answers - a.answers);
	const best = ranked[0];
	const least = [...pool].sort((a, b) => a.share! - b.share! || b.answers - a.answers)[0];
	return { best, least: least && best && least.share! < best.share! ? least : undefined };
}
