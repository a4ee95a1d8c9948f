import { longDate } from '../../dates';
import { percent } from '../../charts/awareness';
import type { Block, Cell } from './blocks';
import { contactsHeading, count, numericDate } from './german';
import { chartImage, photoImage, wordCloudImage } from './images';
import type { EventReport, ReportStation } from './model';
import { textBlocks } from './rich-text';
import { stationChartRows } from './station-chart';

export type EventBlockOptions = {
	dataDir: string;
	/** 0 for an event's own Dokumentation, 1 inside the Dokumentation of a whole series. */
	depth: 0 | 1;
	/** The series' dates and the imprint; a series' Dokumentation has them once, at its end. */
	closing: boolean;
};

/** The title page of an event's Dokumentation. */
export function eventCover(report: EventReport): Block {
	return {
		kind: 'cover',
		lines: [
			{ text: report.series.title, size: 'small' },
			{ text: report.event.title, size: 'title' },
			{ text: longDate(report.event.date), size: 'large' },
			...(report.event.venue ? [{ text: report.event.venue, size: 'small' as const }] : []),
			{ text: '– Die Dokumentation –', size: 'label' }
		]
	};
}

/** Every section after the table of contents. */
export async function eventBlocks(report: EventReport, options: EventBlockOptions): Promise<Block[]> {
	const level = (n: 1 | 2 | 3) => (n + options.depth) as 1 | 2 | 3 | 4;
	const blocks: Block[] = [];
	const section = (title: string, text: string, newPage = false) => {
		blocks.push({ kind: 'heading', level: level(1), text: title, newPage });
		blocks.push(...textBlocks(text));
	};

	section('Einleitung', report.texts.einleitung, options.depth === 0);
	section('Programm', report.texts.programm);
	section(report.event.format || 'World-Café „Markt der Möglichkeiten“', report.texts.worldCafe, true);
	const stations = await Promise.all(report.stations.map((station) => stationBlocks(report, station, options, level)));
	blocks.push(...stations.flat());

	blocks.push({ kind: 'heading', level: level(1), text: 'Feedback', newPage: true });
	if (report.feedback.prompt) blocks.push({ kind: 'paragraph', text: `„${report.feedback.prompt}“`, tone: 'large' });
	if (report.feedback.cloud.words.length > 0) {
		blocks.push({
			kind: 'image',
			image: await wordCloudImage(report.feedback.cloud),
			alt: `Wortwolke mit ${count(report.feedback.answers, 'Antwort', 'Antworten')}: ${report.feedback.cloud.words.map((w) => w.text).join(', ')}`
		});
	} else {
		blocks.push({ kind: 'paragraph', text: 'Es wurde kein Feedback gegeben.', tone: 'muted' });
	}
	blocks.push({ kind: 'paragraph', text: count(report.feedback.answers, 'Antwort', 'Antworten'), tone: 'strong' });

	section('Fazit', report.texts.fazit, true);
	if (options.closing) blocks.push(...closingBlocks(report));
	return blocks;
}

async function stationBlocks(
	report: EventReport,
	station: ReportStation,
	options: EventBlockOptions,
	level: (n: 1 | 2 | 3) => 1 | 2 | 3 | 4
): Promise<Block[]> {
	const blocks: Block[] = [{ kind: 'heading', level: level(2), text: station.title, kicker: `Themeninsel ${station.position}`, newPage: true }];

	blocks.push({ kind: 'heading', level: level(3), text: report.event.votePrompt });
	if (station.offers.length === 0) {
		blocks.push({ kind: 'paragraph', text: 'An dieser Themeninsel wurde über kein Angebot abgestimmt.', tone: 'muted' });
	} else {
		const { rows, subject } = stationChartRows(station);
		const chart = await chartImage(rows, subject);
		blocks.push({ kind: 'image', image: chart.image, alt: chart.alt });
		blocks.push({
			kind: 'table',
			columns: [
				{ title: 'Angebot', width: 0.5 },
				{ title: 'Ja', width: 0.1, align: 'right' },
				{ title: 'Nein', width: 0.1, align: 'right' },
				{ title: 'Antworten', width: 0.16, align: 'right' },
				{ title: 'Anteil Ja', width: 0.14, align: 'right' }
			],
			rows: station.offers.map((o): Cell[] => [
				{ text: o.title },
				{ text: String(o.yes) },
				{ text: String(o.no) },
				{ text: String(o.answers) },
				{ text: o.share === undefined ? '–' : percent(o.share), bold: true }
			])
		});
	}

	for (const group of station.cardGroups) {
		blocks.push({ kind: 'heading', level: level(3), text: group.prompt });
		if (group.cards.length === 0) blocks.push({ kind: 'paragraph', text: 'Keine Karten.', tone: 'muted' });
		else blocks.push({ kind: 'list', items: group.cards });
	}

	const photos = station.photos.flatMap((p) => {
		const image = photoImage(options.dataDir, p);
		return image ? [{ photo: p, image }] : [];
	});
	if (photos.length > 0) {
		blocks.push({ kind: 'heading', level: level(3), text: photos.length === 1 ? 'Foto' : 'Fotos' });
		for (const { photo, image } of photos) {
			blocks.push({ kind: 'image', image, alt: photo.caption || `Foto der Pinnwand an der Themeninsel „${station.title}“`, caption: photo.caption || undefined });
		}
	}

	if (station.contacts.length > 0) {
		blocks.push({ kind: 'heading', level: level(3), text: contactsHeading(station.contacts.length) });
		for (const contact of station.contacts) {
			blocks.push({ kind: 'paragraph', text: contact.name, tone: 'strong' });
			const lines = [contact.web && `Internet: ${contact.web}`, contact.email && `E-Mail: ${contact.email}`].filter(Boolean);
			if (lines.length > 0) blocks.push({ kind: 'paragraph', text: lines.join('\n') });
		}
	}
	return blocks;
}

/** Alle Termine and the Impressum. */
export function closingBlocks(report: Pick<EventReport, 'series'> & { event?: { date: string; sozialraum: string } }): Block[] {
	const blocks: Block[] = [];
	const { series } = report;
	if (series.dates.length > 0) {
		blocks.push({ kind: 'heading', level: 1, text: 'Alle Termine' });
		blocks.push({ kind: 'paragraph', text: series.title, tone: 'strong' });
		blocks.push({
			kind: 'table',
			columns: [
				{ title: 'Datum', width: 0.3 },
				{ title: 'Sozialraum', width: 0.7 }
			],
			rows: series.dates.map((d) => {
				const current = report.event?.date === d.date && report.event.sozialraum === d.sozialraum;
				return [
					{ text: numericDate(d.date), bold: current },
					{ text: d.sozialraum, bold: current }
				];
			})
		});
	}

	const { herausgeberin, bereich, anschrift, web, email } = series.impressum;
	blocks.push({ kind: 'heading', level: 1, text: 'Impressum', newPage: true });
	const lines = (text: string | undefined) => (text ?? '').split(/,\s*/).map((l) => l.trim()).filter(Boolean).join('\n');
	if (herausgeberin) blocks.push({ kind: 'paragraph', text: 'Herausgeberin', tone: 'strong' }, { kind: 'paragraph', text: [lines(herausgeberin), lines(bereich), lines(anschrift)].filter(Boolean).join('\n') });
	else if (bereich || anschrift) blocks.push({ kind: 'paragraph', text: [lines(bereich), lines(anschrift)].filter(Boolean).join('\n') });
	const reach = [web, email].filter(Boolean).join('\n');
	if (reach) blocks.push({ kind: 'paragraph', text: reach });
	blocks.push({ kind: 'paragraph', text: 'Erstellt mit dialograum. Die Ergebnisse stammen aus anonymen Eingaben der Teilnehmenden; von Moderator*innen ausgeblendete Beiträge sind nicht enthalten.', tone: 'muted' });
	return blocks;
}
