import { describe, expect, it } from 'vitest';
import { colourOf, WORD_CLOUD_COLOURS } from '$lib/wordcloud/palette';

function luminance(hex: string) {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('word colours', () => {
	it('all have a contrast of at least 4.5:1 on white', () => {
		for (const colour of WORD_CLOUD_COLOURS) expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
	});

	it('are the same for the same word and spread over the palette', () => {
		expect(colourOf('informativ')).toBe(colourOf('informativ'));
		const used = new Set(Array.from({ length: 50 }, (_, i) => colourOf(`wort ${i}`)));
		expect(used.size).toBe(WORD_CLOUD_COLOURS.length);
	});
});
