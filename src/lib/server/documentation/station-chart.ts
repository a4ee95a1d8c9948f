import { awarenessChart, chartDescription, type Chart, type ChartRow } from '../charts/awareness-chart';
import type { ReportStation } from './model';

/** What the chart of a Themeninsel shows, the same in the preview and in the files. */
export function stationChartRows(station: ReportStation): { rows: ChartRow[]; subject: string } {
	return {
		rows: station.offers.map((o) => ({ label: o.title, yes: o.yes, no: o.no })),
		subject: `der Themeninsel „${station.title}“`
	};
}

export function stationChart(station: ReportStation): Chart {
	const { rows, subject } = stationChartRows(station);
	return awarenessChart(rows, chartDescription(subject, rows));
}
