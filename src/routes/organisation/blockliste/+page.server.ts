import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireUser } from '$lib/server/auth/guard';
import { DomainError } from '$lib/server/errors';
import { addBlocklistTerm, blocklistTerms, normaliseForMatching, removeBlocklistTerm } from '$lib/server/moderation/blocklist';
import { useRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

const TERM_MAX_LENGTH = 40;

const NewTerm = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('Bitte geben Sie ein Wort ein.'),
	v.maxLength(TERM_MAX_LENGTH, `Bitte höchstens ${TERM_MAX_LENGTH} Zeichen.`),
	v.check(
		(term) => normaliseForMatching(term).replace(/ /g, '').length >= 3,
		'Bitte mindestens drei Buchstaben oder Ziffern: Kürzere Begriffe würden viele harmlose Wörter zurückhalten.'
	)
);

/** Organisers only: the words that hold cards and feedback back for review, for every event. */
export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url, 'organiser');
	return { terms: blocklistTerms(useRuntime().db), maxLength: TERM_MAX_LENGTH };
};

export const actions: Actions = {
	add: async ({ locals, url, request }) => {
		requireUser(locals, url, 'organiser');
		const term = String((await request.formData()).get('term') ?? '').slice(0, 4 * TERM_MAX_LENGTH);
		const parsed = v.safeParse(NewTerm, term);
		if (!parsed.success) return fail(400, { action: 'add' as const, term, problem: parsed.issues[0].message });

		const { db } = useRuntime();
		const normalised = normaliseForMatching(parsed.output);
		if (blocklistTerms(db).some((t) => normaliseForMatching(t) === normalised)) {
			return fail(400, { action: 'add' as const, term, problem: `„${normalised}“ steht schon auf der Sperrliste.` });
		}
		try {
			addBlocklistTerm(db, parsed.output);
		} catch (error) {
			if (error instanceof DomainError) return fail(400, { action: 'add' as const, term, problem: error.message });
			throw error;
		}
		return { action: 'add' as const, done: `„${normalised}“ steht jetzt auf der Sperrliste.` };
	},

	remove: async ({ locals, url, request }) => {
		requireUser(locals, url, 'organiser');
		const term = String((await request.formData()).get('term') ?? '');
		const { db } = useRuntime();
		if (!blocklistTerms(db).includes(term)) {
			return fail(400, { action: 'remove' as const, problem: 'Diesen Begriff gibt es auf der Sperrliste nicht (mehr).' });
		}
		removeBlocklistTerm(db, term);
		return { action: 'remove' as const, done: `„${term}“ ist nicht mehr auf der Sperrliste.` };
	}
};
