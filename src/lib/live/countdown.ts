import type { Countdown } from '$lib/realtime/contract';

/** Milliseconds left on the countdown at `now` (server clock): full when not started, frozen when paused. */
export function remainingMs(countdown: Countdown, now: number): number {
	if (countdown.endsAt !== null) return Math.max(0, countdown.endsAt - now);
	return countdown.remainingMs ?? countdown.durationMs;
}

export const isRunning = (countdown: Countdown) => countdown.endsAt !== null;

/** "74:59": minutes and seconds, also past an hour, as a World-Café timer reads. */
export function formatCountdown(ms: number): string {
	const total = Math.ceil(Math.max(0, ms) / 1000);
	return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
