import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { svgDataUrl } from '$lib/server/charts/rasterise';
import { comparisonChart } from '$lib/server/documentation/comparison-blocks';
import { buildSeriesComparison } from '$lib/server/documentation/comparison';
import { SERIES_NOT_FOUND, seriesFileName } from '$lib/server/documentation/downloads';
import { numericDate } from '$lib/server/documentation/german';
import { useRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireUser(locals, url, 'organiser');
	const { db } = useRuntime();
	const comparison = /^\d{1,15}$/.test(params.seriesId) ? buildSeriesComparison(db, Number(params.seriesId)) : undefined;
	if (!comparison) error(404, SERIES_NOT_FOUND);
	const chart = comparison.events.length > 0 ? comparisonChart(comparison) : undefined;
	const base = `/organisation/reihen/${comparison.series.id}/dokumentation`;
	return {
		series: { id: comparison.series.id, title: comparison.series.title },
		events: comparison.events.map((e) => ({ ...e, date: numericDate(e.date) })),
		rows: comparison.rows,
		chart: chart && { src: svgDataUrl(chart.svg), alt: chart.alt, width: chart.width, height: chart.height },
		files: {
			docx: { href: `${base}/dokumentation.docx`, name: seriesFileName(comparison.series.title, 'docx') },
			pdf: { href: `${base}/dokumentation.pdf`, name: seriesFileName(comparison.series.title, 'pdf') }
		}
	};
};
