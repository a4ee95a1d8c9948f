import { heatColour } from '../../charts/heat';
import { percent } from '../../charts/awareness';
import { awarenessChart, chartDescription, type Chart, type ChartRow } from '../charts/awareness-chart';
import type { Block, Cell, Column } from './blocks';
import { numericDate } from './german';
import { chartImage } from './images';
import type { ComparisonCell, SeriesComparison } from './comparison';

/** The share of Ja over all offers, one bar per Sozialraum. */
export function comparisonChartRows(comparison: SeriesComparison): { rows: ChartRow[]; subject: string } {
	return {
		rows: comparison.events.map((e) => ({ label: `${e.sozialraum} (${numericDate(e.date)})`, yes: e.totals.yes, no: e.totals.no })),
		subject: 'aller Angebote je Sozialraum'
	};
}

export function comparisonChart(comparison: SeriesComparison): Chart {
	const { rows, subject } = comparisonChartRows(comparison);
	return awarenessChart(rows, chartDescription(subject, rows));
}

/** What a cell of the heat map says: the share and how many answered, or why there is none. */
export function cellText(cell: ComparisonCell | undefined): string {
	if (!cell) return 'nicht dabei';
	if (cell.share === undefined) return 'keine Antwort';
	return `${percent(cell.share)}\n(${cell.answers})`;
}

export async function comparisonBlocks(comparison: SeriesComparison): Promise<Block[]> {
	const blocks: Block[] = [
		{ kind: 'heading', level: 1, text: 'Vergleich der Sozialräume', newPage: true },
		{
			kind: 'paragraph',
			text:
				'Wie bekannt waren die Angebote in den einzelnen Sozialräumen? Die Zahlen geben den Anteil der Antworten „Ja“ auf ' +
				'die Frage „Kennen Sie dieses Angebot?“ an, in Klammern die Zahl der Antworten. Angebote gelten als dasselbe, wenn ' +
				'Themeninsel und Titel übereinstimmen.'
		}
	];
	if (comparison.events.length === 0) {
		blocks.push({ kind: 'paragraph', text: 'Zu dieser Reihe gibt es noch keine Veranstaltungen.', tone: 'muted' });
		return blocks;
	}
	const { rows, subject } = comparisonChartRows(comparison);
	const chart = await chartImage(rows, subject);
	blocks.push({ kind: 'heading', level: 2, text: 'Bekanntheit insgesamt' }, { kind: 'image', image: chart.image, alt: chart.alt });

	// Up to six Sozialräume share a little more than half the width; the titles get the rest.
	const share = Math.min(0.13, 0.56 / comparison.events.length);
	const titles = 1 - share * comparison.events.length;
	const columns: Column[] = [
		{ title: 'Themeninsel', width: titles * 0.45 },
		{ title: 'Angebot', width: titles * 0.55 },
		...comparison.events.map((e): Column => ({ title: e.sozialraum, width: share, align: 'center' }))
	];
	blocks.push(
		{ kind: 'heading', level: 2, text: 'Bekanntheit je Angebot' },
		{
			kind: 'table',
			columns,
			rows: comparison.rows.map((row): Cell[] => [
				{ text: row.station },
				{ text: row.offer },
				...row.cells.map((c): Cell => {
					const colour = heatColour(c?.share);
					return { text: cellText(c), background: colour.background, color: colour.text, bold: c?.share !== undefined };
				})
			])
		},
		{ kind: 'paragraph', text: 'Je dunkler das Feld, desto bekannter das Angebot. „nicht dabei“: Das Angebot wurde in diesem Sozialraum nicht vorgestellt.', tone: 'muted' }
	);
	return blocks;
}
