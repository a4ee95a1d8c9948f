import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockedTerm, normaliseForMatching } from '$lib/server/moderation/blocklist';

const DEFAULTS = [...readFileSync('drizzle/0003_default_blocklist.sql', 'utf8').matchAll(/\('([^']+)'\)/g)].map((m) => m[1]!);

describe('the default German blocklist', () => {
	it.each([
		['Arschloch', 'arsch'],
		['so ein ARSCH', 'arsch'],
		['Riesenarschloch', 'arschloch'],
		['Idioten!', 'idiot'],
		['Vollidiot', 'vollidiot'],
		['Scheißveranstaltung', 'scheiß'],
		['sch3isse', 'scheiß'],
		['Sieg   Heil', 'sieg heil'],
		['Halt die Fresse', 'fresse'],
		['Drecksladen', 'drecks']
	])('holds back %j', (text, term) => {
		expect(blockedTerm(text, DEFAULTS)).toBe(term);
	});

	it.each(['packend', 'Marsch durch den Stadtteil', 'Menschen mit Behinderung', 'Mist, zu kurz', 'Heilpädagogik', 'hilfreich', 'Dampfkessel', 'Bescheid geben', 'Klassentreffen'])(
		'lets %j through',
		(text) => {
			expect(blockedTerm(text, DEFAULTS)).toBeUndefined();
		}
	);

	it('compares without case, look-alike digits and punctuation', () => {
		expect(normaliseForMatching('  Ä-rger, 1d10t!  ')).toBe('ä rger idiot');
	});
});
