import type { Contact } from '../db/schema';
import { addContact, emailProblem, isEmail, webProblem } from './contacts';
import { MAX_SHEET_ROWS, type SetupParseResult, type SetupProblem, type SetupStation, type SheetColumn } from './model';
import { SETUP_LIMITS } from './setup-file';
import { readHeader } from './sheet-columns';
import { cellLines, fold, multiLine, oneLine, quoted } from './text';

type Draft = SetupStation & { firstRow: number; offerRows: Map<string, number> };

const isEmptyRow = (cells: readonly string[]) => cells.every((c) => oneLine(c) === '');

/**
 * Reads a spreadsheet with one row per offer: `rows[0]` is Excel's row 1 and must be the header
 * (columns Themeninsel, Angebot, Beschreibung, Kontakt, Web in any order). Rows of the same Themeninsel
 * become one station, in the order the Themeninseln first appear; their contacts are collected without
 * repeats. Any problem in any row fails the whole sheet, with every problem listed by row and column.
 */
export function parseSetupSheet(rows: readonly (readonly string[])[]): SetupParseResult {
	const headerIndex = rows.findIndex((cells) => !isEmptyRow(cells));
	if (headerIndex < 0) return { ok: false, problems: [{ message: 'Die Tabelle ist leer.' }] };
	const header = readHeader(rows[headerIndex]!, headerIndex + 1);
	if (!header.ok) return { ok: false, problems: header.problems };

	const dataRows = rows.slice(headerIndex + 1).filter((cells) => !isEmptyRow(cells)).length;
	if (dataRows > MAX_SHEET_ROWS) {
		return {
			ok: false,
			problems: [{ message: `Die Tabelle hat ${dataRows} Zeilen mit Angeboten; mehr als ${MAX_SHEET_ROWS} werden nicht übernommen.` }]
		};
	}

	const problems: SetupProblem[] = [];
	const warnings = [...header.warnings];
	const stations = new Map<string, Draft>();

	for (let index = headerIndex + 1; index < rows.length; index++) {
		const cells = rows[index]!;
		if (isEmptyRow(cells)) continue;
		const row = index + 1;
		const cell = (column: SheetColumn) => {
			const at = header.columns[column];
			return at === undefined ? '' : (cells[at] ?? '');
		};
		const problem = (column: SheetColumn, message: string) => problems.push({ row, column, message });
		const before = problems.length;

		const stationTitle = oneLine(cell('Themeninsel'));
		const offerTitle = oneLine(cell('Angebot'));
		const description = multiLine(cell('Beschreibung'));
		if (!stationTitle) problem('Themeninsel', 'Die Themeninsel fehlt. Tragen Sie sie in jeder Zeile ein, auch wenn sie sich wiederholt.');
		else if (stationTitle.length > SETUP_LIMITS.stationTitle) {
			problem('Themeninsel', tooLong('Der Name der Themeninsel', stationTitle, SETUP_LIMITS.stationTitle));
		}
		if (!offerTitle) problem('Angebot', 'Das Angebot fehlt.');
		else if (offerTitle.length > SETUP_LIMITS.offerTitle) problem('Angebot', tooLong('Der Titel des Angebots', offerTitle, SETUP_LIMITS.offerTitle));
		if (description.length > SETUP_LIMITS.offerDescription) {
			problem('Beschreibung', tooLong('Die Beschreibung', description, SETUP_LIMITS.offerDescription));
		}
		const contacts = readContacts(cell('Kontakt'), cell('Web'), cell('E-Mail'), problem);
		if (problems.length > before) continue;

		let station = stations.get(fold(stationTitle));
		if (!station) {
			if (stations.size === SETUP_LIMITS.stations) {
				problem('Themeninsel', `${quoted(stationTitle)} wäre die ${stations.size + 1}. Themeninsel; höchstens ${SETUP_LIMITS.stations} sind möglich.`);
				continue;
			}
			station = { title: stationTitle, contacts: [], offers: [], firstRow: row, offerRows: new Map() };
			stations.set(fold(stationTitle), station);
		} else if (station.title !== stationTitle) {
			warnings.push(`Zeile ${row}: ${quoted(stationTitle)} gehört zur Themeninsel ${quoted(station.title)} aus Zeile ${station.firstRow} (andere Schreibweise).`);
		}

		const earlier = station.offerRows.get(fold(offerTitle));
		if (earlier) warnings.push(`Zeile ${row}: Das Angebot ${quoted(offerTitle)} steht bei ${quoted(station.title)} schon in Zeile ${earlier}.`);
		else station.offerRows.set(fold(offerTitle), row);
		station.offers.push({ title: offerTitle, description });
		contacts.forEach((c) => addContact(station.contacts, c));
	}

	if (problems.length > 0) return { ok: false, problems };
	if (stations.size === 0) {
		return { ok: false, problems: [{ message: 'Die Tabelle enthält nur die Kopfzeile, aber keine Angebote.' }] };
	}
	return {
		ok: true,
		setup: { stations: [...stations.values()].map(({ title, contacts, offers }) => ({ title, contacts, offers })), warnings }
	};
}

/**
 * A cell may hold several contacts, one per line (Alt+Enter in Excel); the n-th web address and e-mail
 * belong to the n-th contact. An e-mail address in the Web column is taken as the contact's e-mail.
 */
function readContacts(names: string, webs: string, emails: string, problem: (column: SheetColumn, message: string) => void): Contact[] {
	const nameLines = cellLines(names);
	const webLines = cellLines(webs);
	const emailLines = cellLines(emails);
	const contacts: Contact[] = [];
	if (nameLines.length === 0 && (webLines.length > 0 || emailLines.length > 0)) {
		problem('Kontakt', 'Der Kontakt fehlt: Zu welcher Stelle gehört die Web- oder E-Mail-Adresse?');
		return contacts;
	}
	if (webLines.length > nameLines.length) {
		problem('Web', 'Mehr Webadressen als Kontakte. Schreiben Sie je Kontakt eine Zeile, in der gleichen Reihenfolge wie die Webadressen.');
	}
	if (emailLines.length > nameLines.length) {
		problem('E-Mail', 'Mehr E-Mail-Adressen als Kontakte. Schreiben Sie je Kontakt eine Zeile, in der gleichen Reihenfolge wie die E-Mail-Adressen.');
	}
	nameLines.forEach((name, i) => {
		const contact: Contact = { name };
		if (name.length > SETUP_LIMITS.contactName) problem('Kontakt', tooLong('Der Kontakt', name, SETUP_LIMITS.contactName));
		const web = webLines[i];
		const email = emailLines[i];
		if (web && isEmail(web) && !email) contact.email = web.replace(/^mailto:/i, '');
		else if (web) {
			const wrong = web.length > SETUP_LIMITS.contactWeb ? tooLong('Die Webadresse', web, SETUP_LIMITS.contactWeb) : webProblem(web);
			if (wrong) problem('Web', wrong);
			contact.web = web;
		}
		if (email) {
			const address = email.replace(/^mailto:/i, '');
			const wrong = address.length > SETUP_LIMITS.contactEmail ? tooLong('Die E-Mail-Adresse', address, SETUP_LIMITS.contactEmail) : emailProblem(address);
			if (wrong) problem('E-Mail', wrong);
			contact.email = address;
		}
		contacts.push(contact);
	});
	return contacts;
}

function tooLong(what: string, text: string, max: number): string {
	return `${what} ist zu lang: ${text.length} Zeichen, erlaubt sind höchstens ${max}.`;
}
