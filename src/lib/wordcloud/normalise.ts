/**
 * Turns feedback entries into the words of the word cloud (pure, browser-safe).
 * "Gut", "gut" and " GUT! " are one word; it is shown in its most common spelling.
 */
import type { CountedWord, WordCounts } from './types';

export const WORD_CLOUD_MAX_WORDS = 60;
export const WORD_CLOUD_MAX_LENGTH = 40;

export type CountOptions = {
	/** How many words are shown at most, the most frequent first. */
	maxWords?: number;
	/** Longer entries are cut to this many characters, ending in "…". */
	maxLength?: number;
};

// Punctuation, separators, maths symbols and invisible format characters (zero-width joiners, bidi marks) at the
// edges; inner hyphens and apostrophes stay ("Markt-der-Möglichkeiten", "geht's"), and so do emoji.
const LEADING_JUNK = /^[\p{P}\p{Z}\p{Sm}\p{Cc}\p{Cf}^`´¨]+/u;
const TRAILING_JUNK = /[\p{P}\p{Z}\p{Sm}\p{Cc}\p{Cf}^`´¨]+$/u;
const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });

/** Counts the words of all entries: merged case-insensitively, most frequent first, at most `maxWords`. */
export function countWords(entries: readonly string[], options: CountOptions = {}): CountedWord[] {
	const { maxWords = WORD_CLOUD_MAX_WORDS, maxLength = WORD_CLOUD_MAX_LENGTH } = options;
	const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
	for (const entry of entries) {
		const text = cleanEntry(entry, maxLength);
		if (!text) continue;
		const key = keyOf(text);
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { count: 0, spellings: new Map() }));
		group.count++;
		group.spellings.set(text, (group.spellings.get(text) ?? 0) + 1);
	}
	return [...groups]
		.map(([key, group]) => ({ text: mostCommon(group.spellings), count: group.count, key }))
		.sort((a, b) => b.count - a.count || byCodeUnits(a.key, b.key))
		.slice(0, Math.max(0, maxWords));
}

/** The word cloud's content: `answers` counts every entry, also those beyond the cap or without a word left. */
export function countFeedback(entries: readonly string[], options: CountOptions = {}): WordCounts {
	return { answers: entries.length, words: countWords(entries, options) };
}

/** The entry as shown: NFC, single spaces, no punctuation at the edges, at most `maxLength` characters. */
export function cleanEntry(entry: string, maxLength = WORD_CLOUD_MAX_LENGTH): string {
	const text = stripEdges(entry.normalize('NFC').replace(/\s+/gu, ' '));
	const characters = Array.from(graphemes.segment(text), (g) => g.segment);
	if (characters.length <= maxLength) return text;
	return stripEdges(characters.slice(0, Math.max(1, maxLength - 1)).join('')) + '…';
}

/** What spellings of one word share: German lower case, one apostrophe and hyphen, no emoji variation selector. */
export function keyOf(text: string): string {
	return text
		.toLocaleLowerCase('de-DE')
		.replace(/[’‘ʼ´`]/gu, "'")
		.replace(/[‐‑]/gu, '-')
		.replace(/\uFE0F/gu, '');
}

function stripEdges(text: string): string {
	return text.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '');
}

/** The spelling used most often; on a tie the one seen first (a Map keeps insertion order). */
function mostCommon(spellings: Map<string, number>): string {
	let best = '';
	let bestCount = 0;
	for (const [spelling, count] of spellings) {
		if (count > bestCount) [best, bestCount] = [spelling, count];
	}
	return best;
}

// Not localeCompare: the order must not depend on the ICU data of the machine.
function byCodeUnits(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
