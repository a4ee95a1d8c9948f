import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { requireUser } from '$lib/server/auth/guard';
import { safeReturnPath } from '$lib/server/auth/return-path';
import type { User } from '$lib/server/auth/users';

const organiser: User = { id: 1, email: 'planung@oberhausen.de', name: '', role: 'organiser' };
const moderator: User = { id: 2, email: 'tisch3@oberhausen.de', name: '', role: 'moderator' };
const url = new URL('http://localhost:3000/organisation/veranstaltung/1?ansicht=karten');

function thrown(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	throw new Error('nothing was thrown');
}

describe('requireUser', () => {
	it('sends someone who is not signed in to the sign-in, and back here afterwards', () => {
		const error = thrown(() => requireUser({ user: undefined }, url));

		expect(isRedirect(error) && error).toMatchObject({
			status: 303,
			location: '/anmelden?weiter=%2Forganisation%2Fveranstaltung%2F1%3Fansicht%3Dkarten'
		});
	});

	it('refuses a moderator on pages for organisers, in German', () => {
		const error = thrown(() => requireUser({ user: moderator }, url, 'organiser'));

		expect(isHttpError(error) && error).toMatchObject({ status: 403, body: { message: expect.stringMatching(/^Diese Seite ist nur für Organisator\*innen\./) } });
	});

	it('lets organisers in everywhere and moderators where no role is asked for', () => {
		expect(requireUser({ user: organiser }, url, 'organiser')).toBe(organiser);
		expect(requireUser({ user: organiser }, url)).toBe(organiser);
		expect(requireUser({ user: moderator }, url)).toBe(moderator);
	});
});

describe('where the sign-in leads (?weiter=)', () => {
	it('keeps paths on this site', () => {
		expect(safeReturnPath('/organisation')).toBe('/organisation');
		expect(safeReturnPath('/beamer/abc?x=1#y')).toBe('/beamer/abc?x=1#y');
	});

	it('never leads to another site, nor back to the sign-in', () => {
		for (const value of [null, '', 'https://evil.example', '//evil.example/x', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)', '/anmelden?weiter=/x']) {
			expect(safeReturnPath(value), String(value)).toBe('/organisation');
		}
	});
});
