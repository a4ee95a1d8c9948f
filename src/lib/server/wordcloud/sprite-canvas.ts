/**
 * The canvas d3-cloud draws each word on to find the pixels it covers, backed by @napi-rs/canvas.
 *
 * Emoji are not in the bundled font, and the projector draws them with the device's colour emoji font, while the
 * server may have none (it would measure a narrow "missing glyph" box). So every emoji stands in as a solid box,
 * sized generously after common colour emoji fonts, the same on every machine.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const EMOJI_BOX = { width: 1.3, top: -0.95, bottom: 0.25 } as const;
const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });

/**
 * Padding d3-cloud strokes around each word, as a share of its font size. d3-cloud's sprite cell is only as wide as
 * the measured text (rounded up to 32 px), so the context reports words wider by this much on either side;
 * otherwise the stroke would be cut off at the cell's edge and neighbouring words could touch.
 */
export const PADDING_EM = 0.08;

type Run = { emoji: boolean; text: string };

/** Splits text into runs of emoji and of other characters. */
function runsOf(text: string): Run[] {
	const runs: Run[] = [];
	for (const { segment } of graphemes.segment(text)) {
		const emoji = EMOJI.test(segment);
		const last = runs.at(-1);
		if (last && last.emoji === emoji) last.text += segment;
		else runs.push({ emoji, text: segment });
	}
	return runs;
}

/** Only what d3-cloud's sprite drawing uses of a 2D context. */
class SpriteContext {
	#em = 10;
	#margin = 0;
	/** How far down the canvas words have been drawn since it was last cleared. */
	#usedHeight = 0;

	constructor(private readonly target: SKRSContext2D) {}

	set font(font: string) {
		this.target.font = font;
		this.#em = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10);
		this.#margin = Math.ceil(this.#em * PADDING_EM) + 2;
	}
	set fillStyle(style: string) {
		this.target.fillStyle = style;
	}
	set strokeStyle(style: string) {
		this.target.strokeStyle = style;
	}
	set lineWidth(width: number) {
		this.target.lineWidth = width;
	}
	save() {
		this.target.save();
	}
	restore() {
		this.target.restore();
	}
	translate(x: number, y: number) {
		this.target.translate(x, y);
	}
	rotate(angle: number) {
		this.target.rotate(angle);
	}
	clearRect(x: number, y: number, width: number, height: number) {
		this.target.clearRect(x, y, width, height);
		this.#usedHeight = 0;
	}
	/**
	 * d3-cloud reads back the whole 2048 × 2048 canvas, which costs about 100 ms, though its words usually take a
	 * few rows. Its cells are at most one font size below the baseline, so only the rows down to there are read;
	 * the row length stays the same, so d3-cloud's indexing into `data` still holds.
	 */
	getImageData(x: number, y: number, width: number, height: number) {
		const rows = Math.max(1, Math.min(height, this.#usedHeight - y));
		return { data: this.target.getImageData(x, y, width, rows).data };
	}
	measureText(text: string) {
		return { width: this.textWidth(text) + 2 * this.#margin };
	}
	fillText(text: string, x: number, y: number) {
		this.#draw(text, x + this.#margin, y, 'fill');
	}
	strokeText(text: string, x: number, y: number) {
		this.#draw(text, x + this.#margin, y, 'stroke');
	}

	/** The width the projector will give the text, with emoji as boxes. */
	textWidth(text: string): number {
		let width = 0;
		for (const run of runsOf(text)) width += this.#runWidth(run);
		return width;
	}

	#runWidth(run: Run): number {
		if (!run.emoji) return this.target.measureText(run.text).width;
		return Array.from(graphemes.segment(run.text)).length * EMOJI_BOX.width * this.#em;
	}

	#draw(text: string, x: number, y: number, paint: 'fill' | 'stroke') {
		const baseline = this.target.getTransform().f + y;
		this.#usedHeight = Math.max(this.#usedHeight, Math.ceil(baseline + this.#em) + 1);
		for (const run of runsOf(text)) {
			const width = this.#runWidth(run);
			if (!run.emoji) {
				if (paint === 'fill') this.target.fillText(run.text, x, y);
				else this.target.strokeText(run.text, x, y);
			} else {
				const top = y + EMOJI_BOX.top * this.#em;
				const height = (EMOJI_BOX.bottom - EMOJI_BOX.top) * this.#em;
				if (paint === 'fill') this.target.fillRect(x, top, width, height);
				else this.target.strokeRect(x, top, width, height);
			}
			x += width;
		}
	}
}

const measuring = new SpriteContext(createCanvas(1, 1).getContext('2d'));

/** The width of a word drawn in `font` (a CSS font shorthand with a size in px). */
export function textWidth(text: string, font: string): number {
	measuring.font = font;
	return measuring.textWidth(text);
}

/** d3-cloud's sprite canvas is 2048 px square (64 cells of 32 px by 2048 rows). */
const SPRITE_SIZE = 2048;

/**
 * A canvas for d3-cloud's `.canvas()`. d3-cloud resizes its canvas at every layout (to 1 px, then
 * 2048 px square); a real resize would free and allocate a 16 MB surface each time, memory the
 * allocator keeps rather than gives back. So the surface is made once and the sizes are only noted:
 * d3-cloud clears and reads back just the area it uses.
 */
export class SpriteCanvas {
	static #surface: Canvas | undefined;
	readonly #context: SpriteContext;
	width = 1;
	height = 1;

	constructor() {
		SpriteCanvas.#surface ??= createCanvas(SPRITE_SIZE, SPRITE_SIZE);
		this.#context = new SpriteContext(SpriteCanvas.#surface.getContext('2d'));
	}

	getContext(): SpriteContext {
		return this.#context;
	}
}
