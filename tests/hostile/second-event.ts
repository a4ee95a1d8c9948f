import { duplicateEvent } from '$lib/server/events/admin';
import type { TestServer } from '../support/test-server';

/** A second event with its own Themeninseln, offers and prompts, made the way organisers do it. */
export function secondEvent(server: TestServer) {
	const { id, joinCode } = duplicateEvent(server.db, server.demo.id, { title: 'Zweite Veranstaltung', sozialraum: 'Sterkrade', date: '2023-10-11' });
	const one = (sql: string) => (server.sqlite.prepare(sql).get(id) as { id: number }).id;
	return {
		id,
		joinCode,
		offerId: one('select o.id from offer o join station s on s.id = o.station_id where s.event_id = ? limit 1'),
		stationId: one('select id from station where event_id = ? limit 1'),
		promptId: one('select id from prompt where event_id = ? limit 1')
	};
}
