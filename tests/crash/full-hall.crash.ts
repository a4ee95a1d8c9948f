import { describe, expect, it } from 'vitest';
import { runCrash } from './run-crash';

// `npm run test:crash` (vitest project "crash"): a full hall and three crashes. The normal test run has the
// short form in crash.test.ts.
describe('three crashes during a full hall', () => {
	it('every acknowledged submission is stored exactly once, nothing is duplicated', async () => {
		const report = await runCrash({ phones: 300, kills: 3 });
		console.log(
			`Absturztest: ${report.submissions} Einsendungen von 300 Telefonen, 3× kill -9 nach ${report.acknowledgedBeforeCrashes.join(' / ')} bestätigten, ${report.seconds} s`
		);

		expect(report.problems).toEqual([]);
		expect(report.refused).toEqual([]);
		expect(report.acknowledgedBeforeCrashes.at(-1)).toBeLessThan(report.submissions);
	}, 300_000);
});
