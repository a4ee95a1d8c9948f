import type { Db } from '../db/connection';
import { event, offer, prompt, series, station } from '../db/schema';
import { newDisplayToken, newJoinCode } from '../events/codes';
import type { SetupFile } from './setup-file';

/** Creates the series, the event and its whole set-up in one transaction. */
export function importSetup(db: Db, setup: SetupFile, options: { joinCode?: string } = {}) {
	return db.transaction((tx) => {
		const { id: seriesId } = tx
			.insert(series)
			.values({
				title: setup.series.title,
				organiser: setup.series.organiser ?? '',
				impressum: setup.series.impressum,
				dates: setup.series.termine
			})
			.returning({ id: series.id })
			.get();

		const e = setup.event;
		const { id: eventId, joinCode } = tx
			.insert(event)
			.values({
				seriesId,
				title: e.title,
				sozialraum: e.sozialraum,
				date: e.date,
				format: e.format ?? '',
				joinCode: options.joinCode ?? newJoinCode(),
				displayToken: newDisplayToken(),
				votePrompt: e.prompts.vote,
				feedbackPrompt: e.prompts.feedback,
				programme: e.programme,
				worldCafeMinutes: e.worldCafeMinutes,
				headcount: e.headcount ?? null
			})
			.returning({ id: event.id, joinCode: event.joinCode })
			.get();

		e.prompts.cards.forEach((text, i) => {
			tx.insert(prompt).values({ eventId, position: i + 1, text }).run();
		});

		e.themeninseln.forEach((s, i) => {
			const { id: stationId } = tx
				.insert(station)
				.values({ eventId, position: i + 1, title: s.title, contacts: s.kontakte })
				.returning({ id: station.id })
				.get();
			s.angebote.forEach((o, j) => {
				tx.insert(offer)
					.values({ stationId, position: j + 1, title: o.title, description: o.description ?? '' })
					.run();
			});
		});

		return { seriesId, eventId, joinCode };
	});
}
