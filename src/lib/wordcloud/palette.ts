/** Word colours, each with a contrast of at least 4.5:1 on white. */
export const WORD_CLOUD_COLOURS = ['#0b4f8a', '#0a6b2e', '#a4161a', '#5b2a86', '#005f66', '#8a4600', '#16191d'] as const;

/** The colour of a word, always the same for the same key (FNV-1a hash of the key). */
export function colourOf(key: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
	return WORD_CLOUD_COLOURS[(hash >>> 0) % WORD_CLOUD_COLOURS.length] as string;
}
