/** German wording for the Dokumentation. */

const ORDINALS = ['erste', 'zweite', 'dritte', 'vierte', 'fünfte', 'sechste', 'siebte', 'achte', 'neunte', 'zehnte', 'elfte', 'zwölfte'];

/** „zweite“; beyond twelve „13.“. */
export const ordinal = (n: number) => ORDINALS[n - 1] ?? `${n}.`;

/** `2023-09-06` as „06.09.2023“. */
export function numericDate(isoDate: string): string {
	const [year, month, day] = isoDate.split('-');
	return day && month && year ? `${day}.${month}.${year}` : isoDate;
}

/** „1 Antwort“, „2 Antworten“. */
export const count = (n: number, one: string, many: string) => `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

/** „a, b und c“. */
export function listing(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} und ${items.at(-1)}`;
}

/** „Kontakt“ or „Kontakte“. */
export const contactsHeading = (n: number) => (n === 1 ? 'Kontakt' : 'Kontakte');
