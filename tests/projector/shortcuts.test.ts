import { describe, expect, it } from 'vitest';
import { formatCountdown } from '$lib/live/countdown';
import { countdownView } from '$lib/projector/countdown-view';
import { shortcutFor, stepStation } from '$lib/projector/shortcuts';

const key = (k: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>> = {}) => ({
	key: k,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	...mods
});

describe('projector keyboard shortcuts', () => {
	it('lets everyone toggle fullscreen and the help, but nothing else', () => {
		const viewer = { staff: false, screen: 'station' as const };
		expect(shortcutFor(key('f'), viewer)).toEqual({ kind: 'fullscreen' });
		expect(shortcutFor(key('F'), viewer)).toEqual({ kind: 'fullscreen' });
		expect(shortcutFor(key('?'), viewer)).toEqual({ kind: 'help' });
		for (const k of ['1', '5', 'ArrowRight', ' ', 'e']) expect(shortcutFor(key(k), viewer)).toBeUndefined();
	});

	it('gives staff the screens on 1–5, Themeninseln on ←/→ (Themeninsel screen only), Space and E', () => {
		const staff = { staff: true, screen: 'board' as const };
		expect(['1', '2', '3', '4', '5'].map((k) => shortcutFor(key(k), staff))).toEqual(
			['join', 'board', 'station', 'feedback', 'countdown'].map((screen) => ({ kind: 'screen', screen }))
		);
		expect(shortcutFor(key('6'), staff)).toBeUndefined();
		expect(shortcutFor(key('ArrowRight'), staff)).toBeUndefined();
		expect(shortcutFor(key('ArrowRight'), { staff: true, screen: 'station' })).toEqual({ kind: 'station', step: 1 });
		expect(shortcutFor(key('ArrowLeft'), { staff: true, screen: 'station' })).toEqual({ kind: 'station', step: -1 });
		expect(shortcutFor(key(' '), staff)).toEqual({ kind: 'countdown' });
		expect(shortcutFor(key('E'), staff)).toEqual({ kind: 'results' });
	});

	it('leaves keys with Ctrl, Alt or Cmd to the browser', () => {
		const staff = { staff: true, screen: 'board' as const };
		expect(shortcutFor(key('f', { ctrlKey: true }), staff)).toBeUndefined();
		expect(shortcutFor(key('1', { altKey: true }), staff)).toBeUndefined();
		expect(shortcutFor(key('e', { metaKey: true }), staff)).toBeUndefined();
	});

	it('steps through the Themeninseln and goes round at the ends', () => {
		const stations = [{ id: 7 }, { id: 8 }, { id: 9 }];
		expect(stepStation(stations, 8, 1)).toEqual({ id: 9 });
		expect(stepStation(stations, 9, 1)).toEqual({ id: 7 });
		expect(stepStation(stations, 7, -1)).toEqual({ id: 9 });
		expect(stepStation(stations, null, 1)).toEqual({ id: 7 });
		expect(stepStation(stations, null, -1)).toEqual({ id: 9 });
		expect(stepStation([], 1, 1)).toBeUndefined();
	});
});

describe('the countdown as the projector shows it', () => {
	const duration = 75 * 60_000;

	it('writes minutes and seconds, also past an hour', () => {
		expect(formatCountdown(duration)).toBe('75:00');
		expect(formatCountdown(duration - 1)).toBe('75:00');
		expect(formatCountdown(duration - 1000)).toBe('74:59');
		expect(formatCountdown(59_001)).toBe('1:00');
		expect(formatCountdown(0)).toBe('0:00');
		expect(formatCountdown(-5)).toBe('0:00');
	});

	it('tells not started, running, paused and over apart', () => {
		expect(countdownView({ durationMs: duration, endsAt: null, remainingMs: null }, duration).state).toBe('idle');
		expect(countdownView({ durationMs: duration, endsAt: 1, remainingMs: null }, 1000).state).toBe('running');
		expect(countdownView({ durationMs: duration, endsAt: null, remainingMs: 5000 }, 5000)).toEqual({ state: 'paused', left: 5000, text: '0:05' });
		expect(countdownView({ durationMs: duration, endsAt: 1, remainingMs: null }, 0).state).toBe('over');
		expect(countdownView({ durationMs: duration, endsAt: null, remainingMs: 0 }, 0).state).toBe('over');
	});
});
