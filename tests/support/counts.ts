import type Database from 'better-sqlite3';

const TABLES = [
	'series',
	'event',
	'station',
	'offer',
	'prompt',
	'participant',
	'vote',
	'vote_submission',
	'card',
	'feedback',
	'user',
	'session',
	'blocklist_term',
	'photo'
];

/** Row counts of every table: compare before and after to prove that nothing was written. */
export function tableCounts(sqlite: Database.Database): Record<string, number> {
	return Object.fromEntries(
		TABLES.map((t) => [t, (sqlite.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n])
	);
}
