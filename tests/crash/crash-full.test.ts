import { describe, expect, it } from 'vitest';
import { runCrash } from './run-crash';

// `npm run test:crash`: a full hall and three crashes. Skipped in the normal test run (see crash.test.ts).
describe.skipIf(process.env.DIALOGRAUM_CRASH !== 'full')('three crashes during a full hall', () => {
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
