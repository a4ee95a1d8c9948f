import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPhases } from '$lib/server/events/phases';
import { tableCounts } from '../support/counts';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeEach(async () => {
	server = await startTestServer();
	setPhases(server.runtime, server.demo.id, { feedbackOpen: true });
});
afterEach(() => server.close());

const send = async (text: unknown, clientId = randomUUID()) => {
	const phone = await server.participant();
	return phone.emitWithAck('feedback:submit', { clientId, text } as never);
};

describe('feedback words', () => {
	it.each([
		['Inspirierend', 'Inspirierend'],
		['  sehr   gut  ', 'sehr gut'],
		['Markt-der-Möglichkeiten', 'Markt-der-Möglichkeiten'],
		['Super-Veranstaltung, danke', 'Super-Veranstaltung, danke'],
		['👍 toll', '👍 toll']
	])('%j is accepted and stored as %j', async (text, stored) => {
		const ack = await send(text);
		expect(ack.ok && ack.data.text).toBe(stored);
		expect(server.sqlite.prepare('select text from feedback').all()).toEqual([{ text: stored }]);
	});

	it.each([
		['nothing', '', /ein oder zwei Wörter/],
		['only blanks', '   ', /ein oder zwei Wörter/],
		['three words', 'viel zu viele Wörter', /höchstens zwei Wörter/],
		['a 48-letter compound', 'Donaudampfschifffahrtsgesellschaftskapitänsmütze', /höchstens 40 Zeichen/],
		['20,000 characters', 'x'.repeat(20_000), /höchstens 40 Zeichen/],
		['only punctuation', '!!! ???', /Buchstaben oder Zahlen/],
		['a control character', 'gut\u0007', /Steuerzeichen/]
	])('%s is refused with a German explanation', async (_, text, reason) => {
		const ack = await send(text);
		expect(ack.ok).toBe(false);
		expect(!ack.ok && ack.error.message).toMatch(reason);
		expect(tableCounts(server.sqlite).feedback).toBe(0);
	});

	it('a person may send more than one entry; a retry counts once', async () => {
		const phone = await server.participant();
		const clientId = randomUUID();
		await phone.emitWithAck('feedback:submit', { clientId, text: 'spannend' });
		await phone.emitWithAck('feedback:submit', { clientId, text: 'spannend' });
		await phone.emitWithAck('feedback:submit', { clientId: randomUUID(), text: 'gut organisiert' });
		expect(server.sqlite.prepare('select text from feedback order by id').all()).toEqual([
			{ text: 'spannend' },
			{ text: 'gut organisiert' }
		]);
	});
});
