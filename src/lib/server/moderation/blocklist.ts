import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { blocklistTerm } from '../db/schema';
import { DomainError } from '../errors';

const LOOKALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '@': 'a', $: 's', ß: 'ss' };

/** Lower-case, look-alike characters replaced, everything but letters and digits turned into spaces. */
export function normaliseForMatching(text: string): string {
	return text
		.normalize('NFKC')
		.toLocaleLowerCase('de-DE')
		.replace(/[01345@$ß]/g, (c) => LOOKALIKES[c]!)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * The first blocklist term a text matches, or undefined. Short terms match the start of a word
 * ("idiot" holds "Idioten", not "Marsch" for "arsch"); terms of six letters or more match anywhere
 * ("arschloch" in "Riesenarschloch"); terms of several words match as a phrase.
 */
export function blockedTerm(text: string, terms: readonly string[]): string | undefined {
	const words = normaliseForMatching(text).split(' ');
	const phrase = ` ${words.join(' ')} `;
	return terms.find((term) => {
		const t = normalisedTerm(term);
		if (!t) return false;
		if (t.includes(' ')) return phrase.includes(` ${t} `);
		return words.some((w) => (t.length >= 6 ? w.includes(t) : w.startsWith(t)));
	});
}

// Terms are few and are checked against every card: each is normalised once.
const normalisedTerms = new Map<string, string>();
function normalisedTerm(term: string): string {
	let normalised = normalisedTerms.get(term);
	if (normalised === undefined) normalisedTerms.set(term, (normalised = normaliseForMatching(term)));
	return normalised;
}

// Read on every submission, changed rarely: cached per database until a change. The cache lives on
// globalThis because the pages (SvelteKit's bundle) and the socket server are separate module
// instances: a term added on the blocklist page must hold back the next socket submission at once.
const CACHE = Symbol.for('dialograum.blocklist-cache');
const cache: WeakMap<Db, string[]> = ((globalThis as { [CACHE]?: WeakMap<Db, string[]> })[CACHE] ??= new WeakMap());

export function blocklistTerms(db: Db): string[] {
	let terms = cache.get(db);
	if (!terms) {
		terms = db.select({ term: blocklistTerm.term }).from(blocklistTerm).orderBy(asc(blocklistTerm.term)).all().map((r) => r.term);
		cache.set(db, terms);
	}
	return terms;
}

export function addBlocklistTerm(db: Db, term: string): void {
	const normalised = normaliseForMatching(term);
	if (!normalised) throw new DomainError('invalid', 'Bitte geben Sie ein Wort mit Buchstaben oder Ziffern ein.');
	db.insert(blocklistTerm).values({ term: normalised }).onConflictDoNothing().run();
	cache.delete(db);
}

export function removeBlocklistTerm(db: Db, term: string): void {
	db.delete(blocklistTerm).where(eq(blocklistTerm.term, term)).run();
	cache.delete(db);
}

/** The status a new or corrected entry starts with: held for review when it matches the blocklist. */
export function initialStatus(db: Db, text: string): 'visible' | 'held' {
	return blockedTerm(text, blocklistTerms(db)) ? 'held' : 'visible';
}
