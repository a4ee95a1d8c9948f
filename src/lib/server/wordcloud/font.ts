import { GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { WORD_CLOUD_FONT } from '../../wordcloud/font';

let registered = false;

/** Registers the word cloud's font with @napi-rs/canvas, once per process. */
export function registerWordCloudFont(): void {
	if (registered) return;
	const path = createRequire(import.meta.url).resolve(WORD_CLOUD_FONT.file);
	if (!GlobalFonts.registerFromPath(path, WORD_CLOUD_FONT.family)) {
		throw new Error(`The word cloud font could not be loaded from ${path}.`);
	}
	registered = true;
}

/** The CSS font shorthand for drawing a word at `size` pixels. */
export const wordCloudFontAt = (size: number) => `${WORD_CLOUD_FONT.weight} ${size}px ${WORD_CLOUD_FONT.family}`;
