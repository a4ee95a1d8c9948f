import { describe, expect, it } from 'vitest';
import {
	countByFilter,
	inFilter,
	moderatedText,
	moderationsOf,
	newestFirst,
	statusText
} from '$lib/components/control/queue';
import type { QueueEntry } from '$lib/realtime/contract';

const entry = (overrides: Partial<QueueEntry>): QueueEntry => ({
	kind: 'feedback',
	id: 1,
	text: 'spannend',
	status: 'visible',
	withdrawn: false,
	stationId: null,
	promptId: null,
	createdAt: 1_000,
	...overrides
});

describe('the moderation queue in words', () => {
	it('names every status as moderators read it', () => {
		expect(statusText(entry({}))).toBe('sichtbar');
		expect(statusText(entry({ status: 'hidden' }))).toBe('ausgeblendet');
		expect(statusText(entry({ status: 'held', matched: 'arsch' }))).toBe('zurückgehalten (Sperrliste: „arsch“)');
		expect(statusText(entry({ status: 'held' }))).toBe('zurückgehalten');
		expect(statusText(entry({ kind: 'card', status: 'held', withdrawn: true }))).toBe('zurückgezogen');
	});

	it('offers hiding, showing again, or approving and hiding; nothing for withdrawn cards', () => {
		const labels = (e: QueueEntry) => moderationsOf(e).map((m) => `${m.label}→${m.status}`);
		expect(labels(entry({}))).toEqual(['Ausblenden→hidden']);
		expect(labels(entry({ status: 'hidden' }))).toEqual(['Einblenden→visible']);
		expect(labels(entry({ status: 'held' }))).toEqual(['Freigeben→visible', 'Ausblenden→hidden']);
		expect(labels(entry({ kind: 'card', withdrawn: true }))).toEqual([]);
	});

	it('counts and filters: held means waiting for review, so withdrawn ones do not count', () => {
		const entries = [
			entry({ id: 1 }),
			entry({ id: 2, status: 'held' }),
			entry({ id: 3, kind: 'card', status: 'held', withdrawn: true }),
			entry({ id: 4, status: 'hidden' })
		];
		expect(countByFilter(entries)).toEqual({ all: 4, held: 1, hidden: 1 });
		expect(entries.filter((e) => inFilter(e, 'held')).map((e) => e.id)).toEqual([2]);
		expect(entries.filter((e) => inFilter(e, 'hidden')).map((e) => e.id)).toEqual([4]);
	});

	it('sorts newest first, cards and feedback mixed', () => {
		const sorted = newestFirst([
			entry({ id: 1, createdAt: 1_000 }),
			entry({ kind: 'card', id: 7, createdAt: 3_000 }),
			entry({ id: 2, createdAt: 2_000 })
		]);
		expect(sorted.map((e) => `${e.kind}:${e.id}`)).toEqual(['card:7', 'feedback:2', 'feedback:1']);
	});

	it('announces a moderation with the text, shortened when long', () => {
		expect(moderatedText(entry({ status: 'hidden' }))).toBe('„spannend“ ist ausgeblendet.');
		expect(moderatedText(entry({ text: 'x'.repeat(100) }))).toBe(`„${'x'.repeat(57)} …“ ist jetzt sichtbar.`);
	});
});
