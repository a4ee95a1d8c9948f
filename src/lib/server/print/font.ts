import { createRequire } from 'node:module';

const resolve = createRequire(import.meta.url).resolve;

/**
 * Source Sans 3 (SIL OFL), embedded in every printed PDF: the 14 standard PDF fonts lack „“, the gender star
 * at the right height and, depending on the viewer, the umlauts.
 */
export const PRINT_FONT = {
	regular: resolve('source-sans/TTF/SourceSans3-Regular.ttf'),
	bold: resolve('source-sans/TTF/SourceSans3-Bold.ttf')
} as const;
