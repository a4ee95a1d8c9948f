import type { Db } from '../db/connection';
import { listStations } from '../events/queries';
import { eventTallies } from '../voting/voting';
import type { Table } from './table';

/** "Angebote": Ja/Nein of every offer, offers without any answer included. */
export function offersTable(db: Db, eventId: number): Table {
	const tallies = new Map(eventTallies(db, eventId).map((t) => [t.offerId, t]));
	return {
		slug: 'angebote',
		title: 'Angebote',
		columns: [
			{ header: 'Nr.', width: 6 },
			{ header: 'Themeninsel', width: 36 },
			{ header: 'Angebot', width: 48 },
			{ header: 'Ja', width: 8 },
			{ header: 'Nein', width: 8 },
			{ header: 'Antworten', width: 11 },
			{ header: 'Anteil Ja', width: 11, format: 'share' }
		],
		rows: listStations(db, eventId).flatMap((station) =>
			station.offers.map((offer) => {
				const { yes = 0, no = 0 } = tallies.get(offer.id) ?? {};
				const answers = yes + no;
				return [station.position, station.title, offer.title, yes, no, answers, answers > 0 ? yes / answers : null];
			})
		)
	};
}
