import { describe, expect, it } from 'vitest';
import { runCrash } from './run-crash';

// The short form for every test run; `npm run test:crash` runs the long one (crash-full.test.ts).
describe('a crash in the middle of a burst', () => {
	it('kill -9 and a restart on the same database: every acknowledged submission is stored exactly once', async () => {
		const report = await runCrash({ phones: 30, kills: 1 });

		expect(report.problems).toEqual([]);
		expect(report.refused).toEqual([]);
		// The crash really came in the middle: some were acknowledged before it, some only after.
		expect(report.acknowledgedBeforeCrashes[0]).toBeGreaterThan(0);
		expect(report.acknowledgedBeforeCrashes[0]).toBeLessThan(report.submissions);
	}, 30_000);
});
