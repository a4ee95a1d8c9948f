// npm run backup -- [target]: a consistent copy of the database, also while the server runs.
import { backupDatabase, databaseFile, defaultBackupFile } from './backup.js';

const source = databaseFile();
const target = process.argv[2] || defaultBackupFile(source);
try {
	const { file, bytes, counts } = await backupDatabase(source, target);
	console.log(`Sicherung geschrieben: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
	console.log(
		`  ${counts.event} Veranstaltungen, ${counts.participant} Teilnehmende, ${counts.vote} Stimmen, ${counts.card} Karten, ${counts.feedback} Feedback-Einträge`
	);
	console.log('Wiederherstellen: Server anhalten, die Datei über DATABASE_URL kopieren (alte -wal/-shm-Dateien löschen), Server starten.');
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
