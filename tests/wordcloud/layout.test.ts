import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { layOutWordCloud } from '$lib/server/wordcloud/layout';
import { registerWordCloudFont, wordCloudFontAt } from '$lib/server/wordcloud/font';
import { renderWordCloudPng } from '$lib/server/wordcloud/render';
import { countFeedback } from '$lib/wordcloud/normalise';
import type { WordCloudLayout } from '$lib/wordcloud/types';
import { feedbackOfTheDay } from './feedback-of-the-day';

const LONG = 'Donaudampfschifffahrtsgesellschaft';
const EMOJI = /\p{Extended_Pictographic}/u;

/** The inked box of each word, measured here independently of the layout code. */
function inkBoxes(layout: WordCloudLayout) {
	registerWordCloudFont();
	const context = createCanvas(1, 1).getContext('2d');
	context.textAlign = 'center';
	return layout.words.map((word) => {
		context.font = wordCloudFontAt(word.size);
		const m = context.measureText(word.text);
		return {
			text: word.text,
			left: word.x - m.actualBoundingBoxLeft,
			right: word.x + m.actualBoundingBoxRight,
			top: word.y - m.actualBoundingBoxAscent,
			bottom: word.y + m.actualBoundingBoxDescent
		};
	});
}

function expectInsideCanvas(layout: WordCloudLayout) {
	const [halfWidth, halfHeight] = [layout.width / 2, layout.height / 2];
	for (const box of inkBoxes(layout)) {
		expect(box.left, box.text).toBeGreaterThanOrEqual(-halfWidth);
		expect(box.right, box.text).toBeLessThanOrEqual(halfWidth);
		expect(box.top, box.text).toBeGreaterThanOrEqual(-halfHeight);
		expect(box.bottom, box.text).toBeLessThanOrEqual(halfHeight);
	}
}

/** Draws the words one by one and names those covering pixels an earlier word already covers. */
function overlappingWords(layout: WordCloudLayout): string[] {
	const { width, height } = layout;
	const context = createCanvas(width, height).getContext('2d');
	context.textAlign = 'center';
	const covered = new Uint8Array(width * height);
	const overlaps: string[] = [];
	inkBoxes(layout).forEach((box, i) => {
		const word = layout.words[i]!;
		if (EMOJI.test(word.text)) return;
		const left = Math.max(0, Math.floor(width / 2 + box.left) - 2);
		const top = Math.max(0, Math.floor(height / 2 + box.top) - 2);
		const right = Math.min(width, Math.ceil(width / 2 + box.right) + 2);
		const bottom = Math.min(height, Math.ceil(height / 2 + box.bottom) + 2);
		context.clearRect(0, 0, width, height);
		context.font = wordCloudFontAt(word.size);
		context.fillText(word.text, width / 2 + word.x, height / 2 + word.y);
		const alpha = context.getImageData(left, top, right - left, bottom - top).data;
		let overlapping = false;
		for (let y = top; y < bottom; y++) {
			for (let x = left; x < right; x++) {
				if ((alpha[((y - top) * (right - left) + (x - left)) * 4 + 3] ?? 0) < 128) continue;
				if (covered[y * width + x]) overlapping = true;
				covered[y * width + x] = 1;
			}
		}
		if (overlapping) overlaps.push(word.text);
	});
	return overlaps;
}

describe('laying out the word cloud', () => {
	it('gives exactly the same layout for the same feedback', () => {
		const counts = countFeedback(feedbackOfTheDay);
		const first = layOutWordCloud(counts);
		const second = layOutWordCloud(structuredClone(counts));
		expect(second).toEqual(first);
		expect(JSON.stringify(second)).toBe(JSON.stringify(first));
		expect(layOutWordCloud(counts, { seed: 2 })).not.toEqual(first);
	});

	it('places every word, inside the canvas and without overlaps, the most frequent largest', () => {
		const counts = countFeedback(feedbackOfTheDay);
		const layout = layOutWordCloud(counts, { width: 1920, height: 1080 });
		expect(layout.answers).toBe(feedbackOfTheDay.length);
		expect(layout.words.map((w) => w.key)).toEqual(counts.words.map((w) => w.key));
		expectInsideCanvas(layout);
		expect(overlappingWords(layout)).toEqual([]);
		const [top, ...rest] = layout.words;
		expect(rest.every((w) => w.size <= top!.size)).toBe(true);
		expect(Math.hypot(top!.x, top!.y)).toBeLessThan(layout.height / 4);
	});

	it('keeps a long compound and umlauts even where they would not fit at full size', () => {
		const counts = countFeedback([...Array<string>(6).fill(LONG), 'Übersichtlich', 'Größe', 'gut', 'gut', '👍']);
		const layout = layOutWordCloud(counts, { width: 480, height: 320 });
		expect(layout.words.map((w) => w.text)).toEqual([LONG, 'gut', 'Größe', 'Übersichtlich', '👍']);
		expectInsideCanvas(layout);
		expect(overlappingWords(layout)).toEqual([]);
	});

	it('shrinks every word and lays out again when the first attempt drops words', () => {
		const counts = countFeedback([...Array<string>(6).fill(LONG), 'Übersichtlich', 'Größe', 'gut', 'gut', '👍']);
		const layout = layOutWordCloud(counts, { width: 240, height: 135 });
		expect(layout.attempts).toBeGreaterThan(1);
		expect(layout.words).toHaveLength(counts.words.length);
		expectInsideCanvas(layout);
		expect(overlappingWords(layout)).toEqual([]);
	});

	it('fits 60 words of 40 characters each', () => {
		const entries = Array.from({ length: 60 }, (_, i) => `${String(i).padStart(2, '0')}-Wortwolkenbeschriftungsüberlänge-Test`);
		const layout = layOutWordCloud(countFeedback(entries));
		expect(layout.words).toHaveLength(60);
		expectInsideCanvas(layout);
	});

	it('says so rather than drop words when they cannot fit at all', () => {
		expect(() => layOutWordCloud(countFeedback(feedbackOfTheDay), { width: 40, height: 20, maxAttempts: 2 })).toThrow(
			/don't fit/
		);
	});

	it('(the overlap check itself finds words drawn on top of each other)', () => {
		const word = { count: 1, x: 0, y: 0, size: 60, font: '' };
		const layout = { width: 400, height: 200, answers: 2, words: [
			{ ...word, text: 'Austausch', key: 'austausch' },
			{ ...word, text: 'toll', key: 'toll', x: 40, y: 10 }
		] };
		expect(overlappingWords(layout)).toEqual(['toll']);
	});

	it('lays out no words when there is no feedback yet', () => {
		expect(layOutWordCloud({ answers: 0, words: [] })).toEqual({ width: 1600, height: 900, answers: 0, words: [], attempts: 1 });
	});

	it('lays out 60 words quickly', () => {
		const entries = [...feedbackOfTheDay, ...Array.from({ length: 40 }, (_, i) => `Stichwort ${i}`)];
		const counts = countFeedback(entries);
		expect(counts.words).toHaveLength(60);
		layOutWordCloud(counts);
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			const started = performance.now();
			layOutWordCloud(counts, { seed: i });
			times.push(performance.now() - started);
		}
		const median = [...times].sort((a, b) => a - b)[2]!;
		console.info(`60 words at 1600×900: ${times.map((t) => t.toFixed(0)).join(', ')} ms (median ${median.toFixed(0)} ms)`);
		// Generous: the target is < 200 ms, but tests share the machine with other work.
		expect(median).toBeLessThan(1000);
	});

	it('renders the layout as a PNG for the Dokumentation', () => {
		const png = renderWordCloudPng(layOutWordCloud(countFeedback(feedbackOfTheDay), { width: 800, height: 450 }));
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 450]);
	});
});
