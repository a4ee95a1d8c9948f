/** One word of the cloud: `text` is its most common spelling, `key` the case-folded form all spellings share. */
export type CountedWord = { text: string; count: number; key: string };

/** What the word cloud shows: every answer counts in `answers`, `words` holds the most frequent ones. */
export type WordCounts = { answers: number; words: CountedWord[] };

/**
 * A word placed on the canvas. `x` is the horizontal centre and `y` the alphabetic baseline of the word,
 * both relative to the canvas centre (as d3-cloud gives them): draw it with `text-anchor="middle"` at
 * `translate(x, y)` inside `viewBox="-width/2 -height/2 width height"`. `size` is the font size in canvas units.
 */
export type PlacedWord = CountedWord & { x: number; y: number; size: number; font: string };

/** A laid-out word cloud; the same counts always give the same layout. */
export type WordCloudLayout = { width: number; height: number; answers: number; words: PlacedWord[] };
