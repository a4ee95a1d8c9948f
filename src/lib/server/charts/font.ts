import { GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';

/**
 * The charts' font: Source Sans 3 (SIL OFL) from the `source-sans` package, under a family name of our own, so the
 * server measures and rasterises with exactly this file. Browsers lack the name and fall back to the next family.
 */
export const CHART_FONT_FAMILY = 'dialograum-chart';
export const CHART_FONT_STACK = `${CHART_FONT_FAMILY}, 'Source Sans 3', 'Source Sans Pro', Arial, sans-serif`;

let registered = false;

export function registerChartFont(): void {
	if (registered) return;
	const resolve = createRequire(import.meta.url).resolve;
	for (const file of ['source-sans/TTF/SourceSans3-Regular.ttf', 'source-sans/TTF/SourceSans3-Bold.ttf']) {
		const path = resolve(file);
		if (!GlobalFonts.registerFromPath(path, CHART_FONT_FAMILY)) throw new Error(`The chart font could not be loaded from ${path}.`);
	}
	registered = true;
}
