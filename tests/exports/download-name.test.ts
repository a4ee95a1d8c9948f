import { describe, expect, it } from 'vitest';
import { berlinText } from '$lib/server/exports/berlin-time';
import { downloadName } from '$lib/server/exports/download';

describe('file names of downloads', () => {
	it.each([
		['Alstaden/Lirich', 'tischkarten-alstaden-lirich-2023-09-06.pdf'],
		['Sterkrade-Nord', 'tischkarten-sterkrade-nord-2023-09-06.pdf'],
		['Mitte / Styrum', 'tischkarten-mitte-styrum-2023-09-06.pdf'],
		['Süd-Ost, Königshardt & Schmachtendorf', 'tischkarten-sued-ost-koenigshardt-schmachtendorf-2023-09-06.pdf'],
		['Straße „Café“', 'tischkarten-strasse-cafe-2023-09-06.pdf'],
		['"; evil.exe', 'tischkarten-evil-exe-2023-09-06.pdf'],
		['', 'tischkarten-2023-09-06.pdf']
	])('%s → %s', (sozialraum, name) => {
		expect(downloadName('tischkarten', { sozialraum, date: '2023-09-06' }, 'pdf')).toBe(name);
	});
});

describe('times in the exports', () => {
	it('are written as the clock in Oberhausen showed them, in summer and in winter', () => {
		expect(berlinText(new Date('2023-09-06T12:05:09Z'))).toBe('06.09.2023 14:05:09');
		expect(berlinText(new Date('2023-11-23T08:00:00Z'))).toBe('23.11.2023 09:00:00');
		expect(berlinText(new Date('2023-12-31T23:30:00Z'))).toBe('01.01.2024 00:30:00');
	});
});
