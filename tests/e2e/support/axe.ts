import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA (what BITV 2.0 asks for) plus axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core in the page and returns one line per violation and failing element, ready to read in a
 * failed assertion: rule id, what to do, where (CSS selector) and why. An empty list means no violations.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	// Not `addScriptTag`: the app's Content-Security-Policy (script nonces) blocks inline scripts, and it stays on.
	// Evaluating through the DevTools protocol is not subject to the page's CSP.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const results = await page.evaluate(
		(tags) =>
			(window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
				runOnly: { type: 'tag', values: tags },
				resultTypes: ['violations']
			}),
		TAGS
	);
	return results.violations.flatMap(describe);
}

function describe(violation: Result): string[] {
	return violation.nodes.map((node) => {
		const why = node.failureSummary?.replace(/\s*\n\s*/g, ' ') ?? '';
		return `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} – at ${node.target.join(' ')} – ${why} – ${violation.helpUrl}`;
	});
}
