import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { duplicateEvent, regenerateJoinCode, revokeDisplayLink, createEvent } from '$lib/server/events/admin';
import { EventFields } from '$lib/server/events/event-fields';
import { findEventByCode, listPrompts, listStations } from '$lib/server/events/queries';
import { eraseParticipation } from '$lib/server/participants/erase';
import { createSeries, deleteSeries, SeriesFields } from '$lib/server/series/series';
import { tableCounts } from '../support/counts';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeEach(async () => (server = await startTestServer()));
afterEach(() => server.close());

describe('preparing the events of a round', () => {
	it('duplicating the demo into Osterfeld copies every Themeninsel, offer and prompt but no results', async () => {
		const phone = await server.participant();
		await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: server.demo.offers[0]!.id, answer: 'yes' });

		const copy = duplicateEvent(server.db, server.demo.id, {
			title: 'Expert*innendialog im Sozialraum Osterfeld',
			sozialraum: 'Osterfeld',
			date: '2023-09-28'
		});

		const strip = (s: ReturnType<typeof listStations>) =>
			s.map(({ position, title, contacts, offers }) => ({ position, title, contacts, offers: offers.map((o) => [o.position, o.title, o.description]) }));
		expect(strip(listStations(server.db, copy.id))).toEqual(strip(listStations(server.db, server.demo.id)));
		expect(listPrompts(server.db, copy.id).map((p) => p.text)).toEqual(listPrompts(server.db, server.demo.id).map((p) => p.text));
		const created = findEventByCode(server.db, copy.joinCode)!;
		expect(created).toMatchObject({ sozialraum: 'Osterfeld', date: '2023-09-28', worldCafeMinutes: 75, headcount: null });
		expect(created.feedbackPrompt).toContain('Osterfeld');
		expect(created.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5,6}$/);
		expect(created.displayToken).not.toBe(server.demo.displayToken);
		expect(server.sqlite.prepare('select count(*) n from vote v join offer o on o.id = v.offer_id join station s on s.id = o.station_id where s.event_id = ?').get(copy.id)).toEqual({ n: 0 });
	});

	it('a new join code replaces the old one', () => {
		const code = regenerateJoinCode(server.db, server.demo.id);
		expect(findEventByCode(server.db, 'DEMO')).toBeUndefined();
		expect(findEventByCode(server.db, code.toLowerCase())?.id).toBe(server.demo.id);
	});

	it('revoking the display link disconnects projectors that used it and refuses the old link', async () => {
		const wall = await server.projector();
		const gone = new Promise((resolve) => wall.once('disconnect', resolve));

		revokeDisplayLink(server.runtime, server.demo.id);

		await gone;
		const again = await server.client();
		const ack = await again.emitWithAck('projector:join', { token: server.demo.displayToken });
		expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});

	it('event fields are checked with German messages', () => {
		const result = v.safeParse(EventFields, {
			title: ' ',
			sozialraum: 'Osterfeld',
			date: '28.09.2023',
			worldCafeMinutes: '0',
			votePrompt: 'Kennen Sie dieses Angebot?'
		});
		expect(result.success).toBe(false);
		expect(result.issues?.map((i) => i.message)).toEqual([
			'Bitte geben Sie einen Titel an.',
			'Bitte ein Datum im Format TT.MM.JJJJ wählen.',
			'Die Dauer des World-Cafés: mindestens 1.'
		]);
	});

	it('a series takes its dates one per line and cannot be deleted while it has events', () => {
		const fields = v.parse(SeriesFields, { title: 'Expert*innendialoge 2024', dates: '2024-08-14 Mitte/Styrum\n05.09.2024 Osterfeld\n' });
		expect(fields.dates).toEqual([
			{ date: '2024-08-14', sozialraum: 'Mitte/Styrum' },
			{ date: '2024-09-05', sozialraum: 'Osterfeld' }
		]);
		const seriesId = createSeries(server.db, fields);
		createEvent(server.db, seriesId, v.parse(EventFields, { title: 'Mitte', sozialraum: 'Mitte/Styrum', date: '2024-08-14', worldCafeMinutes: '75', votePrompt: 'Kennen Sie dieses Angebot?' }));
		expect(() => deleteSeries(server.db, seriesId)).toThrow(/noch 1 Veranstaltung/);
	});
});

describe('data protection', () => {
	it('deleting the participation data removes votes, cards and feedback and keeps the set-up', async () => {
		const phone = await server.participant();
		const station = server.sqlite.prepare('select id from station where position = 1').get() as { id: number };
		const prompt = server.sqlite.prepare('select id from prompt where position = 1').get() as { id: number };
		await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: server.demo.offers[0]!.id, answer: 'no' });
		await phone.emitWithAck('card:submit', { clientId: randomUUID(), stationId: station.id, promptId: prompt.id, text: 'Karte' });
		const before = tableCounts(server.sqlite);

		expect(eraseParticipation(server.runtime, server.demo.id)).toBe(1);

		expect(tableCounts(server.sqlite)).toEqual({ ...before, participant: 0, vote: 0, vote_submission: 0, card: 0, feedback: 0 });
	});
});
