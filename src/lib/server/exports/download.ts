import type { EventRow } from '../events/queries';

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** `tischkarten-alstaden-lirich-2023-09-06.pdf`: ASCII only, so every browser and file system keeps it. */
export function downloadName(kind: string, event: Pick<EventRow, 'sozialraum' | 'date'>, extension: string): string {
	const place = event.sozialraum
		.toLocaleLowerCase('de-DE')
		.replace(/[äöüß]/g, (c) => TRANSLITERATION[c]!)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	const date = event.date.replace(/[^0-9-]/g, '');
	return [kind, place, date].filter(Boolean).join('-') + `.${extension}`;
}

/** A file to save; only for the signed-in organiser, so never in a shared cache. */
export function attachment(body: Buffer, contentType: string, filename: string): Response {
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': contentType,
			'content-length': String(body.byteLength),
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

export const CONTENT_TYPE = {
	pdf: 'application/pdf',
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;
