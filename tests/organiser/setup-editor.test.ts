import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPrompts, listStations } from '$lib/server/events/queries';
import { addOffer, addStation, deleteOffer, deletePrompt, deleteStation, moveStation, updateStation } from '$lib/server/setup/editor';
import { tableCounts } from '../support/counts';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeEach(async () => (server = await startTestServer()));
afterEach(() => server.close());

const stations = () => listStations(server.db, server.demo.id);
const titles = () => stations().map((s) => `${s.position} ${s.title}`);

describe('editing a set-up', () => {
	it('renaming a Themeninsel while the event is live keeps its votes', async () => {
		const phone = await server.participant();
		const first = stations()[0]!;
		await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: first.offers[0]!.id, answer: 'yes' });

		updateStation(server.db, server.demo.id, first.id, { title: 'Wohnen und Umwelt', contacts: first.contacts });

		expect(stations()[0]!.title).toBe('Wohnen und Umwelt');
		expect(tableCounts(server.sqlite).vote).toBe(1);
	});

	it('a Themeninsel, offer or prompt with answers cannot be deleted, so nothing is lost', async () => {
		const phone = await server.participant();
		const first = stations()[0]!;
		const prompt = listPrompts(server.db, server.demo.id)[0]!;
		await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: first.offers[0]!.id, answer: 'yes' });
		await phone.emitWithAck('card:submit', { clientId: randomUUID(), stationId: first.id, promptId: prompt.id, text: 'Karte' });
		const before = tableCounts(server.sqlite);

		expect(() => deleteStation(server.db, server.demo.id, first.id)).toThrow(/schon Stimmen oder Karten/);
		expect(() => deleteOffer(server.db, server.demo.id, first.offers[0]!.id)).toThrow(/schon Stimmen/);
		expect(() => deletePrompt(server.db, server.demo.id, prompt.id)).toThrow(/schon Karten/);
		expect(tableCounts(server.sqlite)).toEqual(before);
	});

	it('adding, moving and deleting Themeninseln keeps the numbers 1…n in order', () => {
		const id = addStation(server.db, server.demo.id, { title: 'Neue Insel', contacts: [{ name: 'Bereich 3-2 Soziales', web: '', email: '' }] });
		addOffer(server.db, server.demo.id, id, { title: 'Neues Angebot', description: '' });
		expect(titles().at(-1)).toBe('14 Neue Insel');

		moveStation(server.db, server.demo.id, id, -1);
		expect(titles().slice(-2)).toEqual(['13 Neue Insel', '14 Jugend']);

		deleteStation(server.db, server.demo.id, stations()[0]!.id);
		expect(titles()[0]).toBe('1 (Weiter)Bildung/Kultur');
		expect(stations().map((s) => s.position)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
	});

	it('moving the first Themeninsel up changes nothing', () => {
		const before = titles();
		moveStation(server.db, server.demo.id, stations()[0]!.id, -1);
		expect(titles()).toEqual(before);
	});

	it('the last offer of a Themeninsel stays', () => {
		const single = stations().find((s) => s.offers.length === 1)!;
		expect(() => deleteOffer(server.db, server.demo.id, single.offers[0]!.id)).toThrow(/mindestens ein Angebot/);
	});

	it('another event’s Themeninsel cannot be changed through this event', () => {
		expect(() => updateStation(server.db, 99_999, stations()[0]!.id, { title: 'x', contacts: [] })).toThrow(/gibt es bei dieser Veranstaltung nicht/);
	});
});
