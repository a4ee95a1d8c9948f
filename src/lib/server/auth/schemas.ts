import * as v from 'valibot';

export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 200;

export const ROLES = ['organiser', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

/** How e-mail addresses are compared and stored: trimmed, lower case. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const Email = v.pipe(
	v.string(),
	v.transform(normaliseEmail),
	v.nonEmpty('Bitte geben Sie die E-Mail-Adresse ein.'),
	v.maxLength(254, 'Die E-Mail-Adresse ist zu lang.'),
	v.email('Bitte geben Sie eine vollständige E-Mail-Adresse ein, z. B. name@oberhausen.de.')
);

export const NewPassword = v.pipe(
	v.string(),
	v.minLength(PASSWORD_MIN_LENGTH, `Das Passwort braucht mindestens ${PASSWORD_MIN_LENGTH} Zeichen.`),
	v.maxLength(PASSWORD_MAX_LENGTH, `Das Passwort darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen haben.`)
);

export const NewAccount = v.object({
	email: Email,
	password: NewPassword,
	name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'Der Name darf höchstens 200 Zeichen haben.')), ''),
	role: v.optional(v.picklist(ROLES, 'Die Rolle ist „organiser“ oder „moderator“.'), 'organiser')
});
export type NewAccountInput = v.InferInput<typeof NewAccount>;

export const SignInForm = v.object({
	email: Email,
	password: v.pipe(
		v.string(),
		v.nonEmpty('Bitte geben Sie Ihr Passwort ein.'),
		v.maxLength(PASSWORD_MAX_LENGTH, 'E-Mail oder Passwort ist falsch.')
	)
});
