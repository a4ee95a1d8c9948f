import type { Config } from '../config';
import type { Db } from '../db/connection';
import { generatePassword } from './generated-password';
import { hashPasswordSync } from './password';
import { AccountError, hasAnyUser, insertAccount, parseAccount } from './users';

export const DEFAULT_ADMIN_EMAIL = 'admin@dialograum.local';

export type FirstOrganiser = {
	email: string;
	/** Set when no ADMIN_PASSWORD was given: shown once in the start-up banner. */
	generatedPassword: string | undefined;
};

/**
 * On a database without accounts, creates the first organiser from ADMIN_EMAIL and ADMIN_PASSWORD,
 * with defaults for whichever is missing. Runs at start-up, so it may block.
 */
export function ensureFirstOrganiser(db: Db, config: Pick<Config, 'adminEmail' | 'adminPassword'>): FirstOrganiser | undefined {
	if (hasAnyUser(db)) return undefined;
	const generatedPassword = config.adminPassword ? undefined : generatePassword();
	try {
		const account = parseAccount({
			email: config.adminEmail ?? DEFAULT_ADMIN_EMAIL,
			password: config.adminPassword ?? generatedPassword!,
			role: 'organiser'
		});
		insertAccount(db, account, hashPasswordSync(account.password));
		return { email: account.email, generatedPassword };
	} catch (error) {
		if (!(error instanceof AccountError)) throw error;
		throw new AccountError(
			`Das erste Organisationskonto konnte nicht angelegt werden: ${error.message} Prüfen Sie ADMIN_EMAIL und ADMIN_PASSWORD.`,
			{ cause: error }
		);
	}
}

/** The start-up lines about the account this start created. */
export function firstOrganiserNotice({ email, generatedPassword }: FirstOrganiser): string[] {
	if (!generatedPassword) return [`Erstes Organisationskonto angelegt: ${email} (Passwort aus ADMIN_PASSWORD)`];
	return [
		'Erstes Organisationskonto angelegt – das Passwort wird nur dieses eine Mal angezeigt:',
		`  E-Mail:    ${email}`,
		`  Passwort:  ${generatedPassword}`,
		'Es steht damit auch im Protokoll dieser Konsole. Bitte ändern Sie es gleich:',
		`  npm run user -- reset-password ${email}`
	];
}
