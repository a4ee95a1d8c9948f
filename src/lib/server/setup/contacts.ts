import * as v from 'valibot';
import type { Contact } from '../db/schema';
import { fold, quoted } from './text';

// A site as organisers write it: with or without scheme ("www.oberhausen.de/…"); nothing like "javascript:".
const WEB = /^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d{1,5})?([/?#]\S*)?$/iu;
const EMAIL = v.pipe(v.string(), v.email());

export function isEmail(text: string): boolean {
	return v.is(EMAIL, text.replace(/^mailto:/i, ''));
}

/** Why this is not a web address, in German; undefined when it is one. */
export function webProblem(web: string): string | undefined {
	if (WEB.test(web)) return undefined;
	return `${quoted(web)} ist keine Webadresse. Schreiben Sie sie z. B. so: www.oberhausen.de/sozialplanung`;
}

export function emailProblem(email: string): string | undefined {
	return isEmail(email) ? undefined : `${quoted(email)} ist keine E-Mail-Adresse.`;
}

/**
 * Adds a contact unless the station has it already. A contact that differs only by a missing web address
 * or e-mail is the same contact (it fills in what was missing); one with another address is a second contact.
 */
export function addContact(contacts: Contact[], next: Contact): void {
	const same = (a: string | undefined, b: string | undefined) => !a || !b || fold(a) === fold(b);
	const known = contacts.find((c) => fold(c.name) === fold(next.name) && same(c.web, next.web) && same(c.email, next.email));
	if (!known) {
		contacts.push({ ...next });
		return;
	}
	if (!known.web && next.web) known.web = next.web;
	if (!known.email && next.email) known.email = next.email;
}
