/**
 * The Dokumentation of one event as plain data: everything the preview page, the DOCX and the PDF show,
 * taken from the event's data and its editable texts. Only what moderators left visible is in it.
 */
import type { WordCloudLayout } from '../../wordcloud/types';
import type { Contact, Impressum, SeriesDate } from '../db/schema';
import type { ReportTextKey } from './texts';

export type ReportOffer = {
	id: number;
	title: string;
	description: string;
	yes: number;
	no: number;
	answers: number;
	/** Share of Ja in [0, 1]; undefined without answers. */
	share: number | undefined;
};

export type ReportCardGroup = { promptId: number; prompt: string; cards: string[] };

export type ReportPhoto = {
	id: number;
	/** Relative to the data directory. */
	file: string;
	width: number;
	height: number;
	caption: string;
};

export type ReportStation = {
	id: number;
	position: number;
	title: string;
	contacts: Contact[];
	offers: ReportOffer[];
	cardGroups: ReportCardGroup[];
	photos: ReportPhoto[];
};

/** An offer named with its Themeninsel, for the Fazit. */
export type RankedOffer = ReportOffer & { stationTitle: string };

export type ReportTexts = Record<ReportTextKey, string>;

export type EventReport = {
	event: {
		id: number;
		title: string;
		sozialraum: string;
		date: string;
		venue: string;
		format: string;
		worldCafeMinutes: number;
		votePrompt: string;
	};
	series: { id: number; title: string; impressum: Impressum; dates: SeriesDate[] };
	/** The event's place in its series (1 = first), when its date is one of the series' dates. */
	place: number | undefined;
	programme: string[];
	prompts: { id: number; text: string }[];
	stations: ReportStation[];
	feedback: { prompt: string; answers: number; cloud: WordCloudLayout };
	/** People counted at the door, else the devices that took part. */
	headcount: { count: number; countedAt: 'door' | 'devices' };
	/** Distinct contacts (departments, institutions) over all Themeninseln. */
	departments: number;
	visibleCards: number;
	known: { best: RankedOffer | undefined; least: RankedOffer | undefined };
	/** The texts as they appear: the organisers' own where they wrote one, else the generated default. */
	texts: ReportTexts;
	defaults: ReportTexts;
	edited: Record<ReportTextKey, boolean>;
};
