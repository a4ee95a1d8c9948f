/**
 * The one font of the word cloud. The server measures and places the words with it and the projector draws them
 * with it, so both must load the same file: Source Sans 3 Bold (SIL OFL) from the `source-sans` package.
 * The family name is our own, so a differently cut "Source Sans 3" installed on a machine can't stand in.
 */
export const WORD_CLOUD_FONT = {
	family: 'dialograum-source-sans-3',
	weight: 700,
	file: 'source-sans/WOFF2/TTF/SourceSans3-Bold.ttf.woff2'
} as const;
