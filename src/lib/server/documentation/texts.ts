import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { event } from '../db/schema';
import { DomainError } from '../errors';

/** The editable texts of the Dokumentation, as keys of `event.reportTexts`. */
export const REPORT_TEXT_KEYS = ['einleitung', 'programm', 'worldCafe', 'fazit'] as const;
export type ReportTextKey = (typeof REPORT_TEXT_KEYS)[number];

export const REPORT_TEXT_LABELS: Record<ReportTextKey, string> = {
	einleitung: 'Einleitung',
	programm: 'Programm',
	worldCafe: 'World-Café',
	fazit: 'Fazit'
};

export const REPORT_TEXT_MAX_LENGTH = 10_000;

/** As stored and compared: NFC, Unix line breaks, no trailing spaces, at most one blank line in a row. */
export function normaliseText(text: string): string {
	return text
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/**
 * Saves the organisers' texts of the Dokumentation; only `event.reportTexts` changes. A text that is empty
 * (or `null`) or equal to the generated default is removed, so the default, which follows the results, shows again.
 * Keys this function does not know stay as they are.
 */
export function saveReportTexts(
	db: Db,
	eventId: number,
	changes: Partial<Record<ReportTextKey, string | null>>,
	defaults: Record<ReportTextKey, string>
): Record<string, string> {
	return db.transaction((tx) => {
		const row = tx.select({ reportTexts: event.reportTexts }).from(event).where(eq(event.id, eventId)).get();
		if (!row) throw new DomainError('not-found', 'Diese Veranstaltung gibt es nicht (mehr).');
		const texts: Record<string, string> = { ...row.reportTexts };
		for (const key of REPORT_TEXT_KEYS) {
			if (!(key in changes)) continue;
			const text = normaliseText(changes[key] ?? '');
			if (text.length > REPORT_TEXT_MAX_LENGTH) {
				throw new DomainError('invalid', `Der Text „${REPORT_TEXT_LABELS[key]}“ ist zu lang: höchstens ${REPORT_TEXT_MAX_LENGTH.toLocaleString('de-DE')} Zeichen.`);
			}
			if (text === '' || text === normaliseText(defaults[key])) delete texts[key];
			else texts[key] = text;
		}
		tx.update(event).set({ reportTexts: texts }).where(eq(event.id, eventId)).run();
		return texts;
	});
}
