import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** What pdfkit needs of a fontkit font; pdfkit takes such an object wherever it takes a font file. */
type FontkitFont = { layout: (...args: never[]) => unknown; postscriptName: string };

const FILES = {
	regular: 'source-sans/TTF/SourceSans3-Regular.ttf',
	bold: 'source-sans/TTF/SourceSans3-Bold.ttf'
} as const;

let fonts: Record<keyof typeof FILES, FontkitFont> | undefined;

/**
 * Source Sans 3 (SIL OFL), parsed once per process. Given a file, pdfkit parses the font anew for every document,
 * and reading its tables costs a third of a Dokumentation; given the parsed font, each document only makes its
 * own subset of it. fontkit is pdfkit's, so it is loaded from where pdfkit finds it.
 */
export function pdfFonts(): Record<keyof typeof FILES, FontkitFont> {
	if (!fonts) {
		const require = createRequire(import.meta.url);
		const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): FontkitFont };
		const load = (file: string) => fontkit.create(readFileSync(require.resolve(file)));
		fonts = { regular: load(FILES.regular), bold: load(FILES.bold) };
	}
	return fonts;
}
