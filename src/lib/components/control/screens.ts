import type { DisplayScreen } from '$lib/realtime/contract';

/** The projector's screens as moderators choose them, in the order of an event. */
export const SCREENS: readonly { screen: DisplayScreen; label: string; hint: string }[] = [
	{ screen: 'join', label: 'Beitreten', hint: 'QR-Code, Adresse und Code' },
	{ screen: 'board', label: 'World-Café', hint: 'Ja/Nein aller Themeninseln' },
	{ screen: 'station', label: 'Themeninsel', hint: 'Eine Insel mit ihren Karten' },
	{ screen: 'feedback', label: 'Feedback', hint: 'Die Wortwolke' },
	{ screen: 'countdown', label: 'Countdown', hint: 'Die Restzeit groß' }
];

export type StationOption = { id: number; position: number; title: string };

export const stationName = (s: StationOption) => `${s.position}. ${s.title}`;
