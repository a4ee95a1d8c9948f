import * as v from 'valibot';
import { longDate } from '../../dates';
import { emailProblem, webProblem } from './contacts';
import { germanIssueMessage, germanPlace } from './german-issues';
import type { EventSetup, SetupProblem } from './model';
import { SetupFile } from './setup-file';

export type JsonParseResult = { ok: true; setup: EventSetup; file: SetupFile } | { ok: false; problems: SetupProblem[] };

/**
 * Reads a set-up file in the format of `shared/demo/` (and of the export). `setup` is what an import into
 * an existing event takes from it; `file` is the whole file, for creating a new series and event.
 */
export function parseSetupJson(text: string): JsonParseResult {
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\ufeff/, ''));
	} catch (error) {
		const row = lineOf(text, error);
		return {
			ok: false,
			problems: [
				{
					row,
					message: `Die Datei ist keine gültige JSON-Datei${row ? ` (Fehler in Zeile ${row})` : ''}. Wurde sie von Hand bearbeitet? Prüfen Sie Kommas, Anführungszeichen und Klammern.`
				}
			]
		};
	}
	if (typeof data !== 'object' || data === null || !('event' in data) || !('series' in data)) {
		return {
			ok: false,
			problems: [
				{
					message:
						'Das ist keine Einrichtungsdatei von dialograum: Es fehlen die Angaben „series“ und „event“. Nutzen Sie eine exportierte Einrichtung oder die Tabellen-Vorlage.'
				}
			]
		};
	}

	const parsed = v.safeParse(SetupFile, data, { message: germanIssueMessage });
	if (!parsed.success) {
		return { ok: false, problems: parsed.issues.map((issue) => ({ column: germanPlace(issue.path), message: issue.message })) };
	}
	const file = parsed.output;
	const problems = contactProblems(file);
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, file, setup: { ...setupOfFile(file), warnings: [eventNote(file)] } };
}

/** The stations and prompts of a set-up file, as an import into an existing event takes them. */
export function setupOfFile(file: SetupFile): Omit<EventSetup, 'warnings'> {
	return {
		stations: file.event.themeninseln.map((s) => ({
			title: s.title,
			contacts: s.kontakte,
			offers: s.angebote.map((o) => ({ title: o.title, description: o.description ?? '' }))
		})),
		prompts: { vote: file.event.prompts.vote, cards: file.event.prompts.cards, feedback: file.event.prompts.feedback }
	};
}

// The schema only limits lengths; the spreadsheet import also checks that addresses are addresses.
function contactProblems(file: SetupFile): SetupProblem[] {
	return file.event.themeninseln.flatMap((s, i) =>
		s.kontakte.flatMap((c, j) => {
			const place = `Themeninsel ${i + 1} „${s.title}“ › Kontakt ${j + 1}`;
			const web = c.web ? webProblem(c.web) : undefined;
			const email = c.email ? emailProblem(c.email) : undefined;
			return [
				...(web ? [{ column: `${place} › Web`, message: web }] : []),
				...(email ? [{ column: `${place} › E-Mail`, message: email }] : [])
			];
		})
	);
}

function eventNote(file: SetupFile): string {
	const e = file.event;
	return `Übernommen werden die Themeninseln, Angebote und Fragen. Titel, Datum und Sozialraum dieser Veranstaltung bleiben, wie sie sind (die Datei stammt von „${e.title}“, ${longDate(e.date)}).`;
}

/** The line of a JSON syntax error, from V8's "… at position 123 (line 4 column 5)". */
function lineOf(text: string, error: unknown): number | undefined {
	const message = error instanceof Error ? error.message : '';
	const line = /line (\d+)/.exec(message);
	if (line) return Number(line[1]);
	const position = /position (\d+)/.exec(message);
	return position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
}
