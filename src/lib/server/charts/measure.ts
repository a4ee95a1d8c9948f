import { createCanvas } from '@napi-rs/canvas';
import { CHART_FONT_FAMILY, registerChartFont } from './font';

let context: ReturnType<ReturnType<typeof createCanvas>['getContext']> | undefined;

/** The width of `text` in the chart font at `size` px. */
export function chartTextWidth(text: string, size: number, bold = false): number {
	registerChartFont();
	context ??= createCanvas(1, 1).getContext('2d');
	context.font = `${bold ? 700 : 400} ${size}px ${CHART_FONT_FAMILY}`;
	return context.measureText(text).width;
}

/** Breaks `text` into lines no wider than `width`; a word wider than a line is cut where it must be. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (chartTextWidth(candidate, size, bold) <= width) {
			line = candidate;
			continue;
		}
		if (line) lines.push(line);
		line = word;
		while (chartTextWidth(line, size, bold) > width && line.length > 1) {
			let cut = line.length - 1;
			while (cut > 1 && chartTextWidth(line.slice(0, cut), size, bold) > width) cut--;
			lines.push(line.slice(0, cut));
			line = line.slice(cut);
		}
	}
	if (line) lines.push(line);
	return lines;
}
