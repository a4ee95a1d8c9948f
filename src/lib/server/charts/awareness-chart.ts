/**
 * The Ja/Nein chart: one horizontal bar per offer (or per Sozialraum), the share of Ja dark, Nein light, with the
 * share and the counts written next to it. One SVG string serves the preview page (as an image) and the
 * Dokumentation (rasterised), so both look the same.
 */
import { AWARENESS_COLOURS as C, answersOf, percent, shareOf, type Awareness } from '../../charts/awareness';
import { CHART_FONT_STACK } from './font';
import { wrapText } from './measure';
import { escapeXml, n } from './svg';

export type ChartRow = Awareness & { label: string };
export type Chart = { svg: string; width: number; height: number; alt: string };

const WIDTH = 720;
const PAD = 12;
const SIZE = 15;
const LINE = 19;
const BAR = { width: 470, height: 20 } as const;
const GAP = 18;
// Labels wrap well short of the edge: a browser without the chart font draws them in a wider fallback.
const LABEL_WIDTH = 590;
const LEGEND = 34;

export function awarenessChart(rows: readonly ChartRow[], description: string): Chart {
	const parts: string[] = [legend()];
	let y = PAD + LEGEND;
	for (const row of rows) {
		const lines = wrapText(row.label, LABEL_WIDTH, SIZE);
		lines.forEach((line, i) => parts.push(text(PAD, y + SIZE + i * LINE, line)));
		y += lines.length * LINE + 5;
		parts.push(bar(row, y));
		y += BAR.height + GAP;
	}
	const height = Math.ceil(y - GAP + PAD);
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
		`font-family="${escapeXml(CHART_FONT_STACK)}" font-size="${SIZE}" fill="${C.ink}">` +
		`<title>${escapeXml(description)}</title>` +
		`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
		parts.join('') +
		'</svg>';
	return { svg, width: WIDTH, height, alt: description };
}

function legend(): string {
	const y = PAD;
	const swatch = (x: number, fill: string, label: string) =>
		`<rect x="${x}" y="${y + 2}" width="16" height="16" fill="${fill}" stroke="${C.muted}" stroke-width="1"/>` + text(x + 22, y + 15, label);
	return swatch(PAD, C.yes, 'Ja') + swatch(PAD + 70, C.no, 'Nein');
}

function bar(row: ChartRow, y: number): string {
	const share = shareOf(row);
	const x = PAD;
	const track = `x="${x}" y="${n(y)}" width="${BAR.width}" height="${BAR.height}"`;
	const middle = y + BAR.height / 2 + SIZE * 0.35;
	if (share === undefined) {
		return (
			`<rect ${track} fill="${C.empty}" stroke="${C.muted}" stroke-width="1" stroke-dasharray="4 3"/>` +
			`<text x="${x + BAR.width + 12}" y="${n(middle)}" fill="${C.muted}">noch keine Antworten</text>`
		);
	}
	const yesWidth = BAR.width * share;
	return (
		`<rect ${track} fill="${C.no}"/>` +
		(yesWidth > 0 ? `<rect x="${x}" y="${n(y)}" width="${n(yesWidth)}" height="${BAR.height}" fill="${C.yes}"/>` : '') +
		`<rect ${track} fill="none" stroke="${C.muted}" stroke-width="1"/>` +
		`<text x="${x + BAR.width + 12}" y="${n(middle)}"><tspan font-weight="700">${escapeXml(percent(share))} Ja</tspan>` +
		`<tspan fill="${C.muted}"> (${row.yes} Ja, ${row.no} Nein)</tspan></text>`
	);
}

const text = (x: number, y: number, content: string) => `<text x="${n(x)}" y="${n(y)}">${escapeXml(content)}</text>`;

/** How the chart reads aloud: what it shows, and where the exact numbers are. */
export function chartDescription(subject: string, rows: readonly ChartRow[]): string {
	const answered = rows.filter((r) => answersOf(r) > 0);
	if (answered.length === 0) return `Balkendiagramm ${subject}: noch keine Antworten.`;
	const listed = answered.map((r) => `${r.label}: ${percent(shareOf(r)!)} Ja`).join('; ');
	return `Balkendiagramm ${subject}, Anteil Ja – ${listed}.`;
}
