import { parseArgs } from 'node:util';
import { configFromEnv } from '../config';
import { openDatabase, type Connection } from '../db/connection';
import { generatePassword } from './generated-password';
import type { Role } from './schemas';
import { AccountError, createUser, listUsers, setPassword, type Account } from './users';

export const USAGE = `Konten verwalten:
  npm run user -- list
  npm run user -- add <e-mail> [--role organiser|moderator] [--name "Vorname Nachname"] [--password "…"]
  npm run user -- reset-password <e-mail> [--password "…"]

Ohne --password wird ein zufälliges Passwort erzeugt und einmal angezeigt.
Die Datenbank ist DATABASE_URL (Standard: ./data/dialograum.db).`;

export type Output = { log(text: string): void; error(text: string): void };

const ROLE_NAMES: Record<Role, string> = { organiser: 'Organisation', moderator: 'Moderation' };

type Parsed = { command: string; email: string | undefined; role?: string; name?: string; password?: string };

/** `npm run user -- …`: returns the exit code (0 done, 1 refused, 2 wrong call). */
export async function main(args: string[], env: NodeJS.ProcessEnv = process.env, out: Output = console): Promise<number> {
	const parsed = parse(args);
	if (typeof parsed === 'string') {
		out.error(`${parsed}\n\n${USAGE}`);
		return 2;
	}
	if (parsed.command === 'help') {
		out.log(USAGE);
		return 0;
	}

	let connection: Connection;
	try {
		const config = configFromEnv(env);
		connection = openDatabase(config.databaseUrl, config.migrationsFolder);
	} catch (error) {
		out.error(error instanceof Error ? error.message : String(error));
		return 1;
	}
	try {
		await run(connection, parsed, out);
		return 0;
	} catch (error) {
		if (!(error instanceof AccountError)) throw error;
		out.error(error.message);
		return 1;
	} finally {
		connection.sqlite.close();
	}
}

async function run({ db, path }: Connection, { command, email, role, name, password }: Parsed, out: Output) {
	if (command === 'list') return out.log(accountTable(listUsers(db), path));

	const newPassword = password ?? generatePassword();
	const shown = password ? 'wie angegeben (--password)' : newPassword;
	if (command === 'add') {
		const account = await createUser(db, { email: email!, password: newPassword, name, role: role as Role | undefined });
		out.log(
			`Konto angelegt: ${account.email} (${ROLE_NAMES[account.role]})\n` +
				`Passwort: ${shown}\n` +
				'Geben Sie das Passwort sicher weiter; es wird nicht noch einmal angezeigt.'
		);
	} else {
		const account = await setPassword(db, email!, newPassword);
		out.log(`Neues Passwort für ${account.email}: ${shown}\nAlle bisherigen Anmeldungen dieses Kontos sind beendet.`);
	}
}

function accountTable(accounts: Account[], path: string): string {
	if (accounts.length === 0) return `Noch keine Konten in ${path}.`;
	const width = Math.max('E-Mail'.length, ...accounts.map((a) => a.email.length)) + 2;
	const row = (email: string, role: string, name: string) => email.padEnd(width) + role.padEnd(14) + name;
	return [row('E-Mail', 'Rolle', 'Name'), ...accounts.map((a) => row(a.email, ROLE_NAMES[a.role], a.name || '–'))].join('\n');
}

/** The call, or a German message saying what is wrong with it. */
function parse(args: string[]): Parsed | string {
	let values: { role?: string; name?: string; password?: string; help?: boolean };
	let positionals: string[];
	try {
		({ values, positionals } = parseArgs({
			args,
			allowPositionals: true,
			options: {
				role: { type: 'string' },
				name: { type: 'string' },
				password: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		}));
	} catch (error) {
		const option = error instanceof Error ? /'(-[^']*)'/.exec(error.message)?.[1] : undefined;
		return option ? `Unbekannte oder unvollständige Option: ${option}` : 'Der Aufruf ist unvollständig.';
	}
	const [command, email, ...extra] = positionals;
	if (values.help) return { command: 'help', email: undefined };
	if (!command) return 'Bitte geben Sie an, was zu tun ist.';
	if (!['list', 'add', 'reset-password'].includes(command)) return `Unbekannter Befehl: ${command}`;
	if (command === 'list' ? email !== undefined : !email) {
		return command === 'list' ? 'list braucht keine weiteren Angaben.' : `${command} braucht eine E-Mail-Adresse.`;
	}
	if (extra.length > 0) return `Zu viele Angaben: ${extra.join(' ')}`;
	if (command !== 'add' && (values.role !== undefined || values.name !== undefined)) {
		return '--role und --name gibt es nur bei add.';
	}
	if (command === 'list' && values.password !== undefined) return '--password gibt es nur bei add und reset-password.';
	return { command, email, role: values.role, name: values.name, password: values.password };
}
