import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts } from '../support/counts';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let card: { clientId: string; stationId: number; promptId: number; text: string };

beforeEach(async () => {
	server = await startTestServer();
	const station = server.sqlite.prepare("select id from station where position = 1").get() as { id: number };
	const prompt = server.sqlite.prepare('select id from prompt where position = 1').get() as { id: number };
	card = { clientId: randomUUID(), stationId: station.id, promptId: prompt.id, text: 'Flyer im Bürgerbüro' };
});
afterEach(() => server.close());

const cardRows = () => server.sqlite.prepare('select text, withdrawn from card').all();

describe('cards', () => {
	it('a participant sends several cards for a prompt and gets them back after reconnecting', async () => {
		const id = randomUUID();
		const phone = await server.participant(id);
		const first = await phone.emitWithAck('card:submit', card);
		const second = await phone.emitWithAck('card:submit', { ...card, clientId: randomUUID(), text: 'Zeitung' });
		expect(first).toEqual({ ok: true, data: { cardId: card.clientId, stationId: card.stationId, promptId: card.promptId, text: card.text } });
		expect(second.ok).toBe(true);

		phone.disconnect();
		const again = await server.client();
		const joined = await again.emitWithAck('participant:join', { code: 'DEMO', participantId: id });
		expect(joined.ok && joined.data.cards.map((c) => c.text)).toEqual(['Flyer im Bürgerbüro', 'Zeitung']);
	});

	it('a retried card is stored once', async () => {
		const phone = await server.participant();
		await phone.emitWithAck('card:submit', card);
		const retry = await phone.emitWithAck('card:submit', card);
		expect(retry.ok).toBe(true);
		expect(tableCounts(server.sqlite).card).toBe(1);
	});

	it('text is trimmed and kept literally, markup included', async () => {
		const phone = await server.participant();
		const ack = await phone.emitWithAck('card:submit', { ...card, text: '  <script>alert("x")</script> & <b>fett</b>\n\n\n\nEnde  ' });
		expect(ack.ok && ack.data.text).toBe('<script>alert("x")</script> & <b>fett</b>\n\nEnde');
		expect(cardRows()).toEqual([{ text: '<script>alert("x")</script> & <b>fett</b>\n\nEnde', withdrawn: 0 }]);
	});

	it('a participant corrects and withdraws their own card', async () => {
		const phone = await server.participant();
		await phone.emitWithAck('card:submit', card);

		const edited = await phone.emitWithAck('card:edit', { cardId: card.clientId, text: 'Flyer im Sozialrathaus' });
		expect(edited.ok && edited.data.text).toBe('Flyer im Sozialrathaus');
		const withdrawn = await phone.emitWithAck('card:withdraw', { cardId: card.clientId });
		const again = await phone.emitWithAck('card:withdraw', { cardId: card.clientId });

		expect(withdrawn).toEqual({ ok: true, data: { cardId: card.clientId } });
		expect(again.ok).toBe(true);
		expect(cardRows()).toEqual([{ text: 'Flyer im Sozialrathaus', withdrawn: 1 }]);
	});

	it("nobody can correct or withdraw someone else's card", async () => {
		const author = await server.participant();
		await author.emitWithAck('card:submit', card);
		const other = await server.participant();

		const edit = await other.emitWithAck('card:edit', { cardId: card.clientId, text: 'übernommen' });
		const withdraw = await other.emitWithAck('card:withdraw', { cardId: card.clientId });
		const reuse = await other.emitWithAck('card:submit', { ...card, text: 'gleiche Kennung' });

		expect(edit).toMatchObject({ ok: false, error: { code: 'not-found' } });
		expect(withdraw).toMatchObject({ ok: false, error: { code: 'not-found' } });
		expect(reuse).toMatchObject({ ok: false, error: { code: 'invalid' } });
		expect(cardRows()).toEqual([{ text: 'Flyer im Bürgerbüro', withdrawn: 0 }]);
	});

	const refused: [string, Record<string, unknown>, RegExp][] = [
		['an empty card', { text: '' }, /leer/],
		['a card of blanks and line breaks', { text: ' \n\t \n ' }, /leer/],
		['a card of 10,000 characters', { text: 'a'.repeat(10_000) }, /höchstens 280 Zeichen/],
		['a card of 281 characters', { text: 'ä'.repeat(281) }, /höchstens 280 Zeichen/],
		['a card with control characters', { text: 'Hallo\u0000Welt' }, /Steuerzeichen/],
		['a card with a bidi override', { text: 'Hallo \u202Eevil' }, /Steuerzeichen/],
		['a card with the text as a number', { text: 42 }, /ungültig/],
		['a card for a station of no event', { stationId: 99_999 }, /Themeninsel oder Frage/],
		['a card for an unknown prompt', { promptId: 99_999 }, /Themeninsel oder Frage/]
	];
	it.each(refused)('%s is refused with a German reason and writes nothing', async (_, change, reason) => {
		const phone = await server.participant();
		const before = tableCounts(server.sqlite);
		const ack = await phone.emitWithAck('card:submit', { ...card, ...change } as never);
		expect(ack.ok).toBe(false);
		expect(!ack.ok && ack.error.message).toMatch(reason);
		expect(tableCounts(server.sqlite)).toEqual(before);
	});
});
