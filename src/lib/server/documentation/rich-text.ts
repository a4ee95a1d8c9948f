/**
 * The editable texts are plain text: blank lines separate paragraphs, lines starting with „- “, „• “ or „* “ are
 * list items. Nothing else is interpreted, so what people type is shown as typed, everywhere.
 */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const ITEM = /^\s*[-•*–]\s+/;

export function textBlocks(text: string): TextBlock[] {
	const blocks: TextBlock[] = [];
	for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
		const lines = chunk.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
		let paragraph: string[] = [];
		const flush = () => {
			if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
			paragraph = [];
		};
		for (const line of lines) {
			if (ITEM.test(line)) {
				flush();
				const item = line.replace(ITEM, '');
				const last = blocks.at(-1);
				if (last?.kind === 'list') last.items.push(item);
				else blocks.push({ kind: 'list', items: [item] });
			} else paragraph.push(line.trim());
		}
		flush();
	}
	return blocks;
}
