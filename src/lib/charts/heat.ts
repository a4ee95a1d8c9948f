/**
 * Colours of the comparison's heat map (browser-safe): light for offers few people know, dark blue for well-known
 * ones, with black or white text, whichever contrasts more (always at least 4.58:1). The number stands in every
 * cell, so nobody has to read the colour.
 */
const STOPS = ['#f4f8fc', '#cfe0f1', '#93badf', '#4f86c0', '#1d5a98', '#0b3d6b'] as const;
export const HEAT_EMPTY = { background: '#eeeeee', text: '#16191d' } as const;

export function heatColour(share: number | undefined): { background: string; text: string } {
	if (share === undefined || Number.isNaN(share)) return HEAT_EMPTY;
	const at = Math.min(1, Math.max(0, share)) * (STOPS.length - 1);
	const i = Math.min(STOPS.length - 2, Math.floor(at));
	const background = mix(STOPS[i]!, STOPS[i + 1]!, at - i);
	const l = luminance(background);
	const onBlack = (l + 0.05) / 0.05;
	const onWhite = 1.05 / (l + 0.05);
	// Pure black, not the page's ink: only black or white reach 4.5:1 on every colour between light and dark.
	return { background, text: onBlack >= onWhite ? '#000000' : '#ffffff' };
}

function mix(a: string, b: string, t: number): string {
	const [ra, ga, ba] = rgb(a);
	const [rb, gb, bb] = rgb(b);
	const channel = (x: number, y: number) =>
		Math.round(x + (y - x) * t)
			.toString(16)
			.padStart(2, '0');
	return `#${channel(ra, rb)}${channel(ga, gb)}${channel(ba, bb)}`;
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** WCAG relative luminance. */
function luminance(hex: string): number {
	const [r, g, b] = rgb(hex).map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
