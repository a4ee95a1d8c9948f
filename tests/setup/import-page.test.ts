import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findUserByEmail, toUser, type User } from '$lib/server/auth/users';
import { enterEvent } from '$lib/server/participants/participants';
import { installRuntime } from '$lib/server/runtime';
import { castVote } from '$lib/server/voting/voting';
import { actions } from '../../src/routes/organisation/veranstaltungen/[id]/import/+page.server';
import { tableCounts } from '../support/counts';
import { demoEvent } from '../support/demo';
import { ADMIN, startTestRuntime } from '../support/test-runtime';
import { csvOf, GOOD_ROWS, GROUPED, HEADER, storedSetup, textBytes, xlsxBytes } from './support';

type ActionEvent = Parameters<(typeof actions)['pruefen']>[0];

let runtime: ReturnType<typeof startTestRuntime>;
let demo: ReturnType<typeof demoEvent>;
let organiser: User;

beforeEach(() => {
	runtime = startTestRuntime({ DEMO: 'on' });
	installRuntime(runtime);
	demo = demoEvent(runtime.db);
	organiser = toUser(findUserByEmail(runtime.db, ADMIN.email)!);
});
afterEach(() => {
	installRuntime(undefined);
	runtime.close();
});

/** Calls a form action of the import page as SvelteKit would, with `fields` as multipart form data. */
async function post(action: 'pruefen' | 'uebernehmen', fields: Record<string, string | File>, as: User = organiser, eventId = demo.id) {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	const url = new URL(`http://localhost/organisation/veranstaltungen/${eventId}/import?/${action}`);
	const event = { request: new Request(url, { method: 'POST', body: form }), url, locals: { user: as }, params: { id: String(eventId) } };
	try {
		return { result: await actions[action]!(event as unknown as ActionEvent) };
	} catch (thrown) {
		return { thrown };
	}
}

const file = (name: string, bytes: Uint8Array, type = '') => new File([new Uint8Array(bytes)], name, { type });

async function preview(upload: File) {
	const { result } = await post('pruefen', { datei: upload });
	if (!result || 'status' in result) throw new Error(`no preview: ${JSON.stringify(result)}`);
	return result as { token: string; preview: { stations: unknown[] }; format: string };
}

describe('checking a file writes nothing', () => {
	it('a CSV with one bad row: that row with a German message, and no table changes', async () => {
		const rows = [HEADER, ...GOOD_ROWS, ['Jugend', 'Offene Tür', '', '', ''], [], ['Jugend', '', 'Treffpunkt für Jugendliche', '', '']];
		const before = tableCounts(runtime.sqlite);

		const { result } = await post('pruefen', { datei: file('angebote.csv', textBytes(csvOf(rows), { bom: true }), 'text/csv') });

		expect(result).toMatchObject({
			status: 400,
			data: { fileName: 'angebote.csv', format: 'sheet', problems: [{ row: 7, column: 'Angebot', message: 'Das Angebot fehlt.' }], problemCount: 1 }
		});
		expect(tableCounts(runtime.sqlite)).toEqual(before);
	});

	it('a good CSV: a preview grouped by Themeninsel, still nothing written', async () => {
		const before = tableCounts(runtime.sqlite);

		const result = await preview(file('angebote.csv', textBytes(csvOf([HEADER, ...GOOD_ROWS])), 'text/csv'));

		expect(result).toMatchObject({ fileName: 'angebote.csv', format: 'sheet', preview: { stations: GROUPED, warnings: [] } });
		expect(result.token).toMatch(/^[\w-]{32}$/);
		expect(tableCounts(runtime.sqlite)).toEqual(before);
	});

	it('oversized and wrong files are refused in German', async () => {
		const big = new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41);
		const { result: tooBig } = await post('pruefen', { datei: file('gross.csv', big) });
		expect(tooBig).toMatchObject({ status: 400, data: { problems: [{ message: expect.stringMatching(/^Die Datei ist zu groß \(2,1 MB\); erlaubt sind höchstens 2 MB\./) }] } });

		const { result: pdf } = await post('pruefen', { datei: file('flyer.pdf', textBytes('%PDF-1.7'), 'application/pdf') });
		expect(pdf).toMatchObject({ status: 400, data: { problems: [{ message: expect.stringMatching(/^Dateien wie „flyer\.pdf“ können nicht importiert werden/) }] } });

		const { result: none } = await post('pruefen', {});
		expect(none).toMatchObject({ status: 400, data: { missing: 'Bitte wählen Sie eine Datei aus.' } });
	});

	it('is for organisers only', async () => {
		const moderator: User = { ...organiser, id: organiser.id + 1, role: 'moderator' };
		const { thrown } = await post('pruefen', { datei: file('a.csv', textBytes(csvOf([HEADER, ...GOOD_ROWS]))) }, moderator);
		expect(isHttpError(thrown) && thrown.status).toBe(403);
	});
});

describe('confirming the preview', () => {
	it('applies exactly the checked CSV set-up, keeps the prompts, and the token works once', async () => {
		const prompts = storedSetup(runtime.db, demo.id).prompts;
		const { token } = await preview(file('angebote.csv', textBytes(csvOf([HEADER, ...GOOD_ROWS])), 'text/csv'));

		const { thrown } = await post('uebernehmen', { vorschau: token });

		expect(isRedirect(thrown) && thrown).toMatchObject({ status: 303, location: `/organisation/veranstaltungen/${demo.id}/import?uebernommen` });
		expect(storedSetup(runtime.db, demo.id)).toEqual({ stations: GROUPED, prompts });
		const { result: again } = await post('uebernehmen', { vorschau: token });
		expect(again).toMatchObject({ status: 410, data: { expired: expect.stringMatching(/^Diese Vorschau ist abgelaufen oder wurde schon übernommen\./) } });
	});

	it('applies an .xlsx with the same grouping', async () => {
		const { token, format } = await preview(file('angebote.xlsx', await xlsxBytes([HEADER, ...GOOD_ROWS])));
		expect(format).toBe('sheet');

		await post('uebernehmen', { vorschau: token });

		expect(storedSetup(runtime.db, demo.id).stations).toEqual(GROUPED);
	});

	it('a token only works for the account and event it was made for', async () => {
		const { token } = await preview(file('angebote.csv', textBytes(csvOf([HEADER, ...GOOD_ROWS]))));
		const before = tableCounts(runtime.sqlite);

		const { result: otherAccount } = await post('uebernehmen', { vorschau: token }, { ...organiser, id: organiser.id + 1 });
		const { result: made } = await post('uebernehmen', { vorschau: 'ausgedacht' });

		expect(otherAccount).toMatchObject({ status: 410 });
		expect(made).toMatchObject({ status: 410 });
		expect(tableCounts(runtime.sqlite)).toEqual(before);
	});

	it('is refused when votes arrived since the preview; nothing changes', async () => {
		const { token } = await preview(file('angebote.csv', textBytes(csvOf([HEADER, ...GOOD_ROWS]))));
		const participantId = enterEvent(runtime, demo.id, 'geraet-1');
		castVote(runtime, { eventId: demo.id, participantId, clientId: 'stimme-1', offerId: demo.offers[3]!.id, answer: 'no' });
		const before = tableCounts(runtime.sqlite);
		const setup = storedSetup(runtime.db, demo.id);

		const { result } = await post('uebernehmen', { vorschau: token });
		const { result: again } = await post('pruefen', { datei: file('angebote.csv', textBytes(csvOf([HEADER, ...GOOD_ROWS]))) });

		for (const refusal of [result, again]) {
			expect(refusal).toMatchObject({ status: 409, data: { refused: expect.stringMatching(/Duplizieren Sie die Veranstaltung/) } });
		}
		expect(tableCounts(runtime.sqlite)).toEqual(before);
		expect(storedSetup(runtime.db, demo.id)).toEqual(setup);
	});
});
