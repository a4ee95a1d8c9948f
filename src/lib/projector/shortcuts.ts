import type { DisplayScreen } from '$lib/realtime/contract';

/** What a key on the projector page does. */
export type Shortcut =
	| { kind: 'fullscreen' }
	| { kind: 'help' }
	| { kind: 'close' }
	| { kind: 'screen'; screen: DisplayScreen }
	| { kind: 'station'; step: -1 | 1 }
	| { kind: 'countdown' }
	| { kind: 'results' };

/** The screens in the order of the number keys 1–5. */
export const SCREEN_KEYS: readonly DisplayScreen[] = ['join', 'board', 'station', 'feedback', 'countdown'];

export const SCREEN_NAMES: Record<DisplayScreen, string> = {
	join: 'Beitreten',
	board: 'World-Café',
	station: 'Themeninsel',
	feedback: 'Feedback',
	countdown: 'Countdown'
};

type Key = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/**
 * The shortcut behind a key press. Everyone may use `F` (fullscreen) and `?` (this list);
 * signed-in staff also switch screens (1–5), Themeninseln (←/→ on the Themeninsel screen),
 * the countdown (Space) and the results (`E`). Keys with Ctrl, Alt or Cmd belong to the browser.
 */
export function shortcutFor(event: Key, context: { staff: boolean; screen: DisplayScreen | undefined }): Shortcut | undefined {
	if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
	const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
	if (key === 'f') return { kind: 'fullscreen' };
	if (key === '?') return { kind: 'help' };
	if (key === 'Escape') return { kind: 'close' };
	if (!context.staff) return undefined;
	const screen = SCREEN_KEYS[Number(key) - 1];
	if (/^[1-5]$/.test(key) && screen) return { kind: 'screen', screen };
	if (context.screen === 'station' && (key === 'ArrowLeft' || key === 'ArrowRight')) {
		return { kind: 'station', step: key === 'ArrowLeft' ? -1 : 1 };
	}
	if (key === ' ' || key === 'Spacebar') return { kind: 'countdown' };
	if (key === 'e') return { kind: 'results' };
	return undefined;
}

/** The Themeninsel `step` places before or after `current`, going round at the ends. */
export function stepStation<T extends { id: number }>(stations: readonly T[], current: number | null, step: -1 | 1): T | undefined {
	if (stations.length === 0) return undefined;
	const at = stations.findIndex((s) => s.id === current);
	if (at === -1) return stations[step === 1 ? 0 : stations.length - 1];
	return stations[(at + step + stations.length) % stations.length];
}
