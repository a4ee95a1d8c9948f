// Entry of `npm run demo:fill`, bundled to build/fill-demo.js: fills the demo event of DATABASE_URL with
// made-up answers (for screenshots, the Dokumentation and trying things out). The project root (with drizzle/)
// is one folder up. A running server shows the new answers once its pages are reloaded.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBus } from '../bus';
import { configFromEnv } from '../config';
import { openDatabase } from '../db/connection';
import { fillDemo } from './fill-demo';
import { loadDemoIfEmpty } from './load-demo';

process.env.DIALOGRAUM_ROOT ??= resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Demo-Veranstaltung mit Beispieldaten füllen:
  npm run demo:fill -- [--participants 88] [--feedback 91] [--seed 2023]
Die Datenbank ist DATABASE_URL (Standard: ./data/dialograum.db); eine leere bekommt zuerst die Demo.`;

function numberOption(value: string | undefined, name: string): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d{1,6}$/.test(value)) throw new Error(`--${name} braucht eine ganze Zahl, nicht "${value}".`);
	return Number(value);
}

try {
	const { values } = parseArgs({
		options: { participants: { type: 'string' }, feedback: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } }
	});
	if (values.help) {
		console.log(USAGE);
	} else {
		const options = {
			participants: numberOption(values.participants, 'participants'),
			feedback: numberOption(values.feedback, 'feedback'),
			seed: numberOption(values.seed, 'seed')
		};
		const config = configFromEnv();
		const { db, sqlite, path } = openDatabase(config.databaseUrl, config.migrationsFolder);
		try {
			loadDemoIfEmpty(db);
			const filled = fillDemo({ db, bus: createBus() }, Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)));
			console.log(
				`Demo gefüllt (${path}): ${filled.participants} Teilnehmende, ${filled.votes} Ja/Nein-Antworten, ` +
					`${filled.cards} Karten, ${filled.feedback} Feedback-Wörter. World-Café und Feedback sind geöffnet.`
			);
		} finally {
			sqlite.close();
		}
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	console.error(`\n${USAGE}`);
	process.exitCode = 1;
}
