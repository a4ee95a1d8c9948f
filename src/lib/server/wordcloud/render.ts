import { createCanvas } from '@napi-rs/canvas';
import { colourOf } from '../../wordcloud/palette';
import type { WordCloudLayout } from '../../wordcloud/types';
import { registerWordCloudFont, wordCloudFontAt } from './font';

/**
 * Draws a laid-out word cloud as a PNG, as the projector shows it, e.g. for the Dokumentation.
 * Emoji come out in whatever font the server has, often as empty boxes: the bundled font has none.
 */
export function renderWordCloudPng(
	layout: WordCloudLayout,
	{ scale = 1, background = '#ffffff' }: { scale?: number; background?: string } = {}
): Buffer {
	registerWordCloudFont();
	const canvas = createCanvas(Math.round(layout.width * scale), Math.round(layout.height * scale));
	const context = canvas.getContext('2d');
	context.fillStyle = background;
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.scale(scale, scale);
	context.translate(layout.width / 2, layout.height / 2);
	context.textAlign = 'center';
	context.textBaseline = 'alphabetic';
	for (const word of layout.words) {
		context.font = wordCloudFontAt(word.size);
		context.fillStyle = colourOf(word.key);
		context.fillText(word.text, word.x, word.y);
	}
	return canvas.toBuffer('image/png');
}
