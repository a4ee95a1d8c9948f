import { formatCountdown, isRunning } from '$lib/live/countdown';
import type { Countdown } from '$lib/realtime/contract';

/** `idle`: not started yet; `over`: reached zero. */
export type CountdownState = 'idle' | 'running' | 'paused' | 'over';

export type CountdownView = { state: CountdownState; left: number; text: string };

/** How the World-Café countdown looks with `left` milliseconds to go. */
export function countdownView(countdown: Countdown, left: number): CountdownView {
	const text = formatCountdown(left);
	if (left <= 0 && (isRunning(countdown) || countdown.remainingMs !== null)) return { state: 'over', left: 0, text };
	if (isRunning(countdown)) return { state: 'running', left, text };
	if (countdown.remainingMs !== null) return { state: 'paused', left, text };
	return { state: 'idle', left, text };
}

/** Whether the other screens show the countdown in their corner. */
export const showsBadge = (view: CountdownView) => view.state !== 'idle';
