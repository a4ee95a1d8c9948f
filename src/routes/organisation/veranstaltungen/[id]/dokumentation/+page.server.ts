import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { longDate } from '$lib/dates';
import { svgDataUrl } from '$lib/server/charts/rasterise';
import { buildEventReport } from '$lib/server/documentation/build-event-report';
import { numericDate } from '$lib/server/documentation/german';
import { textBlocks } from '$lib/server/documentation/rich-text';
import { stationChart } from '$lib/server/documentation/station-chart';
import { normaliseText, REPORT_TEXT_KEYS, REPORT_TEXT_LABELS, REPORT_TEXT_MAX_LENGTH, saveReportTexts, type ReportTextKey } from '$lib/server/documentation/texts';
import { downloadName } from '$lib/server/exports/download';
import { EVENT_NOT_FOUND, organiserEvent } from '$lib/server/exports/organiser-event';
import { refused } from '$lib/server/forms';
import { useRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const { db } = useRuntime();
	const event = organiserEvent(db, locals, url, params.id);
	const report = buildEventReport(db, event.id);
	if (!report) error(404, EVENT_NOT_FOUND);
	const base = `/organisation/veranstaltungen/${event.id}`;
	return {
		event: { id: event.id, title: report.event.title, sozialraum: report.event.sozialraum, date: longDate(report.event.date), venue: report.event.venue },
		series: { id: report.series.id, title: report.series.title },
		worldCafeTitle: report.event.format || 'World-Café „Markt der Möglichkeiten“',
		votePrompt: report.event.votePrompt,
		texts: REPORT_TEXT_KEYS.map((key) => ({
			key,
			label: REPORT_TEXT_LABELS[key],
			text: report.texts[key],
			blocks: textBlocks(report.texts[key]),
			edited: report.edited[key]
		})),
		stations: report.stations.map((s) => {
			const chart = s.offers.length > 0 ? stationChart(s) : undefined;
			return {
				...s,
				chart: chart && { src: svgDataUrl(chart.svg), alt: chart.alt, width: chart.width, height: chart.height },
				photos: s.photos.map((p) => ({ id: p.id, url: `${base}/fotos/${p.id}.jpg`, caption: p.caption, width: p.width, height: p.height }))
			};
		}),
		feedback: report.feedback,
		headcount: report.headcount,
		dates: report.series.dates.map((d) => ({ date: numericDate(d.date), sozialraum: d.sozialraum, current: d.date === event.date && d.sozialraum === event.sozialraum })),
		impressum: report.series.impressum,
		files: {
			docx: { href: `${base}/dokumentation/dokumentation.docx`, name: downloadName('dokumentation', event, 'docx') },
			pdf: { href: `${base}/dokumentation/dokumentation.pdf`, name: downloadName('dokumentation', event, 'pdf') }
		},
		textMaxLength: REPORT_TEXT_MAX_LENGTH
	};
};

const Text = v.optional(v.pipe(v.string(), v.maxLength(REPORT_TEXT_MAX_LENGTH, `Höchstens ${REPORT_TEXT_MAX_LENGTH.toLocaleString('de-DE')} Zeichen.`)));
const TextsForm = v.object({
	...Object.fromEntries(REPORT_TEXT_KEYS.flatMap((key) => [[key, Text], [`shown_${key}`, Text]])),
	reset: v.optional(v.picklist(REPORT_TEXT_KEYS))
});

export const actions: Actions = {
	texts: async ({ request, locals, url, params }) => {
		const { db } = useRuntime();
		const event = organiserEvent(db, locals, url, params.id);
		const values = Object.fromEntries([...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
		const parsed = v.safeParse(TextsForm, values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.issues) errors[v.getDotPath(issue) ?? ''] ??= issue.message;
			return fail(400, { message: 'Bitte kürzen Sie die markierten Texte.', errors, values });
		}
		const form = parsed.output as Record<string, string | undefined> & { reset?: ReportTextKey };
		const report = buildEventReport(db, event.id);
		if (!report) error(404, EVENT_NOT_FOUND);
		const changes: Partial<Record<ReportTextKey, string | null>> = {};
		for (const key of REPORT_TEXT_KEYS) {
			const text = form[key];
			if (form.reset === key) changes[key] = null;
			// A generated text sent back unchanged stays generated, even if the results changed it in the meantime.
			else if (text !== undefined && !(normaliseText(text) === normaliseText(form[`shown_${key}`] ?? '') && !report.edited[key])) changes[key] = text;
		}
		try {
			saveReportTexts(db, event.id, changes, report.defaults);
		} catch (e) {
			return refused(e);
		}
		return {
			saved: form.reset
				? `Der Text „${REPORT_TEXT_LABELS[form.reset]}“ ist wieder der automatisch erstellte.`
				: 'Die Texte sind gespeichert. Die Downloads enthalten sie ab sofort.'
		};
	}
};
