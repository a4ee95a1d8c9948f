import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { tempDir } from '../support/temp-dir';

function run(command: string, args: string[]): string {
	const result = spawnSync(command, args, { encoding: 'utf8' });
	if (result.error) throw new Error(`${command} is missing: install poppler-utils (${result.error.message})`);
	if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
	return result.stdout;
}

/** What poppler reads from a PDF: the text of each page, page info and fonts. */
export function readPdf(pdf: Buffer) {
	const dir = tempDir('dialograum-doc-');
	try {
		const file = dir.file('doc.pdf');
		writeFileSync(file, pdf);
		const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
		return { text, pages: text.split('\f').slice(0, -1), info: run('pdfinfo', [file]), fonts: run('pdffonts', [file]) };
	} finally {
		dir.remove();
	}
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** The parts of a DOCX: its XML as stored, the text of its runs (entities decoded), and the names of its files. */
export async function readDocx(docx: Buffer) {
	const zip = await JSZip.loadAsync(docx);
	const xml = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
	const document = await xml('word/document.xml');
	const text = [...document.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&(lt|gt|amp|quot|apos);/g, (e) => ENTITIES[e]!)).join(' ');
	return { document, text, settings: await xml('word/settings.xml'), styles: await xml('word/styles.xml'), files: Object.keys(zip.files) };
}

/** Text without its line breaks and spacing, so words broken across lines still match. */
export const squeeze = (text: string) => text.replace(/\s+/g, '');
