import type { Countdown } from '$lib/realtime/contract';

/** Milliseconds left on the countdown at `now` (server clock): full when not started, frozen when paused. */
export function remainingMs(countdown: Countdown, now: number): number {
	if (countdown.endsAt !== null) return Math.max(0, countdown.endsAt - now);
	return countdown.remainingMs ?? countdown.durationMs;
}

export const isRunning = (countdown: Countdown) => countdown.endsAt !== null;

/** "74:59", or "1:14:59" for more than an hour. */
export function formatCountdown(ms: number): string {
	const total = Math.ceil(ms / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
