/** Ja/Nein answers on one offer (or summed over several). Browser-safe. */
export type Awareness = { yes: number; no: number };

export const answersOf = (a: Awareness) => a.yes + a.no;

/** The share of Ja in [0, 1]; undefined without answers. */
export const shareOf = (a: Awareness): number | undefined => (answersOf(a) > 0 ? a.yes / answersOf(a) : undefined);

/** „78 %“, with the no-break space German typesetting puts before the sign. */
export const percent = (share: number) => `${Math.round(share * 100)}\u00a0%`;

/** Colours of the Ja/Nein bars: dark and light, so they also differ in black-and-white print. */
export const AWARENESS_COLOURS = {
	yes: '#0a6b2e',
	no: '#f2c4c6',
	noEdge: '#a4161a',
	empty: '#e6e9ed',
	ink: '#16191d',
	muted: '#4a5058'
} as const;
