/**
 * Places the counted words with d3-cloud, measured in the bundled font. The layout is deterministic (a seeded
 * random source, a fixed word order, no clock) so the projector and the Dokumentation show the same cloud,
 * and no word is ever dropped: if one doesn't fit, every word is shrunk and the cloud laid out again.
 */
import cloud from 'd3-cloud';
import { WORD_CLOUD_FONT } from '../../wordcloud/font';
import { countFeedback } from '../../wordcloud/normalise';
import type { CountedWord, PlacedWord, WordCloudLayout, WordCounts } from '../../wordcloud/types';
import { registerWordCloudFont, wordCloudFontAt } from './font';
import { PADDING_EM, SpriteCanvas, textWidth } from './sprite-canvas';

export type LayoutOptions = {
	/** Canvas size in layout units; the projector scales the SVG, so only the aspect ratio really matters. */
	width?: number;
	height?: number;
	/** Another seed gives another, equally valid arrangement. */
	seed?: number;
	/** How many times the words are laid out, each time smaller, before giving up. */
	maxAttempts?: number;
};

/** `attempts` says how many passes it took: more than one when words had to shrink to fit. */
export type LaidOutWordCloud = WordCloudLayout & { attempts: number };

// Font sizes as shares of the canvas height: the most frequent word gets the largest.
const LARGEST = 0.17;
const SMALLEST = 0.03;
// Share of the canvas the words' boxes may cover at first: d3-cloud's spiral seldom packs them any tighter.
const FILL = 0.4;
const SHRINK = 0.85;
// d3-cloud draws each word on a 2048 px sprite canvas, in a cell twice as high as the font size.
const SPRITE = 2048;
// Words start near the centre, so the big ones (placed first) end up in the middle.
const START_SPREAD = 0.3;
// The finished cloud is zoomed to fill the canvas up to this margin, but never more than MAX_ZOOM.
const MARGIN = 0.02;
const MAX_ZOOM = 1.6;

/** d3-cloud adds `x`/`y` (baseline centre) and `y0`/`y1` (the inked rows, padding included, from the baseline). */
type CloudWord = { text: string; key: string; size: number; x?: number; y?: number; y0?: number; y1?: number };

/** The cloud of these feedback entries: counts their words (for 1,500 entries 15–20 ms), then lays them out. */
export function layOutFeedback(entries: readonly string[]): LaidOutWordCloud {
	return layOutWordCloud(countFeedback(entries));
}

export function layOutWordCloud(counts: WordCounts, options: LayoutOptions = {}): LaidOutWordCloud {
	const { width = 1600, height = 900, seed = 1, maxAttempts = 15 } = options;
	registerWordCloudFont();
	const sizes = sizesByCount(counts.words, height);
	let scale = fittingScale(counts.words, sizes, width, height);
	for (let attempt = 1; attempt <= maxAttempts; attempt++) {
		const words = place(counts.words, sizes.map((size) => size * scale), { width, height, seed });
		if (words) return { width, height, answers: counts.answers, words, attempts: attempt };
		scale *= SHRINK;
	}
	throw new Error(`${counts.words.length} words don't fit on a ${width}×${height} word cloud.`);
}

/** Area grows with the count: the font size follows its square root, from SMALLEST up to LARGEST. */
function sizesByCount(words: CountedWord[], height: number): number[] {
	const most = Math.max(1, ...words.map((w) => w.count));
	return words.map((w) => Math.max(SMALLEST, LARGEST * Math.sqrt(w.count / most)) * height);
}

/** A first guess at how much to shrink so that all words fit, to spare most of the shrink-and-retry passes. */
function fittingScale(words: CountedWord[], sizes: number[], width: number, height: number): number {
	let area = 0;
	let widest = 0;
	let largest = 0;
	words.forEach((word, i) => {
		const size = sizes[i] ?? 0;
		const padded = textWidth(word.text, wordCloudFontAt(size)) + 2 * PADDING_EM * size;
		area += padded * size * (1 + 2 * PADDING_EM);
		widest = Math.max(widest, padded);
		largest = Math.max(largest, size);
	});
	if (area === 0) return 1;
	return Math.min(
		1,
		Math.sqrt((FILL * width * height) / area),
		(0.95 * Math.min(width, SPRITE)) / widest,
		(0.8 * Math.min(height, SPRITE / 2)) / largest
	);
}

function place(
	words: CountedWord[],
	sizes: number[],
	canvas: { width: number; height: number; seed: number }
): PlacedWord[] | undefined {
	let placed: CloudWord[] = [];
	cloud<CloudWord>()
		.size([canvas.width, canvas.height])
		.canvas(() => new SpriteCanvas() as unknown as HTMLCanvasElement)
		.words(words.map((w, i) => ({ text: w.text, key: w.key, size: Math.max(1, sizes[i] ?? 1) })))
		.font(WORD_CLOUD_FONT.family)
		.fontWeight(WORD_CLOUD_FONT.weight)
		.fontSize((d) => d.size)
		.padding((d) => Math.max(1, Math.round(d.size * PADDING_EM)))
		.rotate(0)
		.random(nearCentre(mulberry32(canvas.seed)))
		// Runs synchronously to completion; d3-cloud only looks at the clock when given a finite interval.
		.timeInterval(Infinity)
		.on('end', (tags) => (placed = tags))
		.start();

	const byKey = new Map(placed.map((d) => [d.key, d]));
	const result: PlacedWord[] = [];
	const boxes: Box[] = [];
	for (const word of words) {
		const d = byKey.get(word.key);
		if (!d || d.x === undefined || d.y === undefined || d.y0 === undefined || d.y1 === undefined) return undefined;
		result.push({ ...word, x: d.x, y: d.y, size: d.size, font: WORD_CLOUD_FONT.family });
		const halfWidth = textWidth(word.text, wordCloudFontAt(d.size)) / 2 + PADDING_EM * d.size;
		boxes.push({ left: d.x - halfWidth, right: d.x + halfWidth, top: d.y + d.y0, bottom: d.y + d.y1 });
	}
	return zoomToFill(result, boxes, canvas);
}

type Box = { left: number; right: number; top: number; bottom: number };

/**
 * d3-cloud leaves the cloud wherever the spiral ended, often off-centre with room to spare. Scaling positions and
 * sizes alike keeps every gap in proportion, so the cloud can be centred and grown to fill the canvas.
 */
function zoomToFill(words: PlacedWord[], boxes: Box[], canvas: { width: number; height: number }): PlacedWord[] {
	const left = Math.min(...boxes.map((b) => b.left));
	const right = Math.max(...boxes.map((b) => b.right));
	const top = Math.min(...boxes.map((b) => b.top));
	const bottom = Math.max(...boxes.map((b) => b.bottom));
	const zoom = Math.min(
		MAX_ZOOM,
		((1 - 2 * MARGIN) * canvas.width) / (right - left),
		((1 - 2 * MARGIN) * canvas.height) / (bottom - top)
	);
	const [centreX, centreY] = [(left + right) / 2, (top + bottom) / 2];
	return words.map((word) => ({
		...word,
		x: round((word.x - centreX) * zoom, 10),
		y: round((word.y - centreY) * zoom, 10),
		// Rounded down, so a word never ends up wider than the space that was measured for it.
		size: Math.floor(word.size * zoom * 100) / 100
	}));
}

const round = (value: number, steps: number) => Math.round(value * steps) / steps;

/** d3-cloud starts each word at `size × (random + 0.5) / 2`: values near 0.5 start it near the centre. */
function nearCentre(random: () => number): () => number {
	return () => 0.5 + (random() - 0.5) * START_SPREAD;
}

/** mulberry32: a small, fast seeded PRNG with values in [0, 1). */
function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
