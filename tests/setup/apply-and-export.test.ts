import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { castVote } from '$lib/server/voting/voting';
import { enterEvent } from '$lib/server/participants/participants';
import { showScreen } from '$lib/server/display/display';
import { createEventFromSetup, hasParticipation, replaceSetup } from '$lib/server/setup/apply-setup';
import { exportFileName, exportSetupJson } from '$lib/server/setup/export-setup';
import { parseSetupJson } from '$lib/server/setup/parse-json';
import { SetupFile } from '$lib/server/setup/setup-file';
import { tableCounts } from '../support/counts';
import { demoEvent } from '../support/demo';
import { startTestRuntime } from '../support/test-runtime';
import { GROUPED, storedSetup } from './support';

const demoFile = JSON.parse(readFileSync('src/lib/server/demo/expertinnendialoge-2023.json', 'utf8'));

let runtime: ReturnType<typeof startTestRuntime>;
let demo: ReturnType<typeof demoEvent>;
beforeEach(() => {
	runtime = startTestRuntime({ DEMO: 'on' });
	demo = demoEvent(runtime.db);
});
afterEach(() => runtime.close());

function roundTrip(eventId: number) {
	const exported = JSON.parse(JSON.stringify(exportSetupJson(runtime.db, eventId)));
	const parsed = parseSetupJson(JSON.stringify(exported));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
	return parsed;
}

describe('export', () => {
	it('writes the demo event in the format of shared/demo: the file read back equals the demo file', () => {
		const parsed = roundTrip(demo.id);

		expect(parsed.file).toEqual(v.parse(SetupFile, demoFile));
	});

	it('round-trips: imported into another event, the set-up exports the same again', () => {
		const first = roundTrip(demo.id);
		const { eventId } = createEventFromSetup(runtime.db, { ...first.file, event: { ...first.file.event, date: '2024-09-04' } });
		replaceSetup(runtime.db, eventId, { stations: GROUPED, prompts: { vote: 'Kennen Sie das?', cards: [], feedback: '' } });

		replaceSetup(runtime.db, eventId, first.setup);

		expect(storedSetup(runtime.db, eventId)).toEqual(storedSetup(runtime.db, demo.id));
		const { stations, prompts } = roundTrip(eventId).setup;
		expect({ stations, prompts }).toEqual({ stations: first.setup.stations, prompts: first.setup.prompts });
	});

	it('names the file after Sozialraum and date, in plain ASCII', () => {
		expect(exportFileName(demo)).toBe('einrichtung-alstaden-lirich-2023-09-06.json');
		expect(exportFileName({ id: 4, sozialraum: 'Oberhausen-Ost / Süd', date: '2023-10-26' })).toBe('einrichtung-oberhausen-ost-sued-2023-10-26.json');
	});
});

describe('replacing the set-up of an event', () => {
	it('from a sheet: replaces Themeninseln and offers, keeps the prompts, in one go', () => {
		const before = storedSetup(runtime.db, demo.id);

		expect(replaceSetup(runtime.db, demo.id, { stations: GROUPED })).toEqual({ stations: 2, offers: 3 });

		expect(storedSetup(runtime.db, demo.id)).toEqual({ stations: GROUPED, prompts: before.prompts });
		expect(tableCounts(runtime.sqlite)).toMatchObject({ station: 2, offer: 3, prompt: 2 });
	});

	it('from JSON: the prompts are replaced too', () => {
		const prompts = { vote: 'Kennen Sie das?', cards: ['Was fehlt?'], feedback: 'Ihr Wort zum Tag' };

		replaceSetup(runtime.db, demo.id, { stations: GROUPED, prompts });

		expect(storedSetup(runtime.db, demo.id)).toEqual({ stations: GROUPED, prompts });
	});

	it('a projector showing an old Themeninsel goes back to the join screen, and hears about it', () => {
		const heard: unknown[] = [];
		runtime.bus.subscribe('displayChanged', (e) => heard.push(e.display.screen));
		showScreen(runtime, demo.id, 'station');
		heard.length = 0;

		replaceSetup(runtime.db, demo.id, { stations: GROUPED }, runtime.bus);

		expect(runtime.sqlite.prepare('select display_screen as screen, display_station_id as id from event where id = ?').get(demo.id)).toEqual({
			screen: 'join',
			id: null
		});
		expect(heard).toEqual(['join']);
	});

	it('is refused once someone voted, and changes nothing: votes and cards must never be lost', () => {
		const participantId = enterEvent(runtime, demo.id, 'geraet-1');
		castVote(runtime, { eventId: demo.id, participantId, clientId: 'stimme-1', offerId: demo.offers[0]!.id, answer: 'yes' });
		const counts = tableCounts(runtime.sqlite);
		const before = storedSetup(runtime.db, demo.id);

		expect(hasParticipation(runtime.db, demo.id)).toBe(true);
		expect(() => replaceSetup(runtime.db, demo.id, { stations: GROUPED, prompts: { vote: 'x', cards: [], feedback: '' } })).toThrow(
			/^Bei dieser Veranstaltung wurde schon abgestimmt, geschrieben oder Feedback gegeben\. .* Duplizieren Sie die Veranstaltung .* oder ändern Sie die Themeninseln einzeln\.$/
		);

		expect(tableCounts(runtime.sqlite)).toEqual(counts);
		expect(storedSetup(runtime.db, demo.id)).toEqual(before);
	});

	it('cards and feedback count as participation too', () => {
		expect(hasParticipation(runtime.db, demo.id)).toBe(false);
		const participantId = enterEvent(runtime, demo.id, 'geraet-2');
		expect(hasParticipation(runtime.db, demo.id)).toBe(false);

		runtime.sqlite
			.prepare('insert into feedback (client_id, event_id, participant_id, text) values (?, ?, ?, ?)')
			.run('feedback-1', demo.id, participantId, 'Toll');
		expect(hasParticipation(runtime.db, demo.id)).toBe(true);
		runtime.sqlite.prepare('delete from feedback').run();

		const station = runtime.sqlite.prepare('select id from station where event_id = ? limit 1').get(demo.id) as { id: number };
		const prompt = runtime.sqlite.prepare('select id from prompt where event_id = ? limit 1').get(demo.id) as { id: number };
		runtime.sqlite
			.prepare('insert into card (client_id, station_id, prompt_id, participant_id, text, updated_at) values (?, ?, ?, ?, ?, ?)')
			.run('karte-1', station.id, prompt.id, participantId, 'Flyer', Date.now());
		expect(hasParticipation(runtime.db, demo.id)).toBe(true);
	});
});
