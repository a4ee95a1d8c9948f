import { describe, expect, it } from 'vitest';
import { cleanEntry, countFeedback, countWords } from '$lib/wordcloud/normalise';

const texts = (entries: string[]) => countWords(entries).map((w) => [w.text, w.count]);

describe('counting feedback words', () => {
	it('merges case, spacing and punctuation at the edges', () => {
		expect(texts(['Gut', 'gut', ' GUT! ', '  sehr   gut ', 'Sehr gut.'])).toEqual([
			['Gut', 3],
			['sehr gut', 2]
		]);
	});

	it('shows each word in its most common spelling, on a tie the one seen first', () => {
		expect(texts(['informativ', 'Informativ', 'Informativ!', 'INFORMATIV'])).toEqual([['Informativ', 4]]);
		expect(texts(['spannend', 'Spannend'])).toEqual([['spannend', 2]]);
	});

	it('folds umlauts in German and treats composed and decomposed letters alike', () => {
		expect(texts(['Übersichtlich', 'übersichtlich', 'U\u0308BERSICHTLICH'])).toEqual([['Übersichtlich', 3]]);
		expect(countWords(['Größe'])[0]).toEqual({ text: 'Größe', count: 1, key: 'größe' });
	});

	it('keeps inner hyphens and apostrophes, whichever apostrophe was typed', () => {
		expect(texts(['Markt-der-Möglichkeiten', '„Markt-der-Möglichkeiten“', "geht's", 'geht’s', '(Danke)', '...toll!!!'])).toEqual([
			["geht's", 2],
			['Markt-der-Möglichkeiten', 2],
			['Danke', 1],
			['toll', 1]
		]);
	});

	it('keeps emoji as words, as typed', () => {
		expect(texts(['👍', '👍👍', '👍 toll', '👍 Toll!', '❤️', '❤', '👩‍👩‍👧'])).toEqual([
			['❤️', 2],
			['👍 toll', 2],
			['👍', 1],
			['👍👍', 1],
			['👩‍👩‍👧', 1]
		]);
	});

	it('drops entries with nothing left after stripping, but counts them as answers', () => {
		const entries = ['!!!', '   ', '…', '-', 'gut'];
		expect(countFeedback(entries)).toEqual({ answers: 5, words: [{ text: 'gut', count: 1, key: 'gut' }] });
	});

	it('cuts long entries with "…", never inside an emoji', () => {
		expect(cleanEntry('Donaudampfschifffahrtsgesellschaftskapitänsmütze', 40)).toBe('Donaudampfschifffahrtsgesellschaftskapi…');
		expect(cleanEntry('a'.repeat(38) + ' 👩‍👩‍👧 b', 40)).toBe('a'.repeat(38) + '…');
		expect(cleanEntry('x'.repeat(38) + '👩‍👩‍👧👍👍', 40)).toBe('x'.repeat(38) + '👩‍👩‍👧…');
		expect(cleanEntry('genau vierzig Zeichen sind hier erlaubt!', 40)).toBe('genau vierzig Zeichen sind hier erlaubt');
	});

	it('shows at most maxWords, most frequent first, ties in a fixed order whatever the input order', () => {
		const entries = Array.from({ length: 70 }, (_, i) => Array<string>(1 + (i % 3)).fill(`Wort ${String(i).padStart(2, '0')}`)).flat();
		const words = countWords(entries);
		expect(words).toHaveLength(60);
		expect(words.slice(0, 3).map((w) => [w.text, w.count])).toEqual([
			['Wort 02', 3],
			['Wort 05', 3],
			['Wort 08', 3]
		]);
		expect(words.map((w) => w.count)).toEqual([...words.map((w) => w.count)].sort((a, b) => b - a));

		const shuffled = [...entries].sort((a, b) => (a.split('').reverse().join('') < b.split('').reverse().join('') ? -1 : 1));
		expect(countWords(shuffled)).toEqual(words);
		expect(countWords(entries, { maxWords: 5 })).toEqual(words.slice(0, 5));
	});

	it('counts every answer, also those beyond the cap', () => {
		const entries = Array.from({ length: 91 }, (_, i) => `Wort${i}`);
		const counts = countFeedback(entries, { maxWords: 60 });
		expect(counts.answers).toBe(91);
		expect(counts.words).toHaveLength(60);
	});
});
