import { eq } from 'drizzle-orm';
import { longDate } from '../../dates';
import type { Db } from '../db/connection';
import { series } from '../db/schema';
import { findEventById, listStations } from '../events/queries';

export type PrintLink = {
	url: string;
	/** For typing it in: no protocol. */
	short: string;
};

export type PrintStation = {
	position: number;
	title: string;
	offers: { title: string; description: string }[];
	link: PrintLink;
};

/** What the poster and the table cards of one event show. */
export type PrintEvent = {
	title: string;
	date: string;
	sozialraum: string;
	code: string;
	votePrompt: string;
	/** The footer: the series, or the product's own line when the series has no title. */
	footer: string;
	join: PrintLink;
	stations: PrintStation[];
};

export function printEvent(db: Db, eventId: number, baseUrl: string): PrintEvent | undefined {
	const event = findEventById(db, eventId);
	if (!event) return undefined;
	const seriesTitle = db.select({ title: series.title }).from(series).where(eq(series.id, event.seriesId)).get()?.title;
	const base = baseUrl.replace(/\/$/, '');
	return {
		title: event.title,
		date: longDate(event.date),
		sozialraum: event.sozialraum,
		code: event.joinCode,
		votePrompt: event.votePrompt,
		footer: `dialograum · ${seriesTitle?.trim() || 'Expert*innendialoge im Sozialraum'}`,
		join: link(`${base}/${event.joinCode}`),
		stations: listStations(db, eventId).map(({ position, title, offers }) => ({
			position,
			title,
			offers: offers.map(({ title, description }) => ({ title, description })),
			link: link(`${base}/${event.joinCode}/${position}`)
		}))
	};
}

const link = (url: string): PrintLink => ({ url, short: url.replace(/^https?:\/\//, '') });
