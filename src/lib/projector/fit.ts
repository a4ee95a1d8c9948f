import type { Action } from 'svelte/action';

export type FitOptions = {
	/** Smallest and largest scale tried (`--fit`, a factor on the element's font size). */
	min?: number;
	max?: number;
	/** Column counts to try (`--columns`); the one that allows the largest type wins. */
	columns?: readonly number[];
	/** Elements (a selector inside) that must not overflow their own box, e.g. titles whose words must stay whole. */
	whole?: string;
};

const STEPS = 8;

/**
 * Shrinks (or grows) the type of a box of fixed size until its content fits without scrolling:
 * sets `--fit` (and `--columns`) on the element, to the largest scale at which nothing overflows
 * the box and no `whole` element is wider than its box (so words need not break mid-letter).
 * The element's CSS must use them, e.g. `font-size: calc(var(--fit, 1) * 1em)`. When even `min`
 * does not fit, the element gets `data-fit="overflow"` so its CSS can allow words to break.
 * Fits again when the box resizes, fonts load or the content changes. Use: `<div use:fit={{ max: 1.4 }}>`.
 */
export const fit: Action<HTMLElement, FitOptions | undefined> = (node, options = {}) => {
	const { min = 0.5, max = 1.5, columns, whole } = options;
	const fits = () => node.scrollWidth <= node.clientWidth + 1 && fitsVertically(node) && (!whole || allWhole(node, whole));

	const apply = (scale: number, count?: number) => {
		node.style.setProperty('--fit', scale.toFixed(4));
		if (count !== undefined) node.style.setProperty('--columns', String(count));
	};

	/** The largest scale that fits with `count` columns, or undefined when not even `min` does. */
	const largest = (count?: number): number | undefined => {
		apply(max, count);
		if (fits()) return max;
		apply(min, count);
		if (!fits()) return undefined;
		let [lo, hi] = [min, max];
		for (let i = 0; i < STEPS; i++) {
			const mid = (lo + hi) / 2;
			apply(mid, count);
			if (fits()) lo = mid;
			else hi = mid;
		}
		return lo;
	};

	const run = () => {
		if (node.clientHeight === 0 || node.clientWidth === 0) return;
		node.removeAttribute('data-fit');
		let best: { scale: number; count?: number } | undefined;
		for (const count of columns ?? [undefined]) {
			const scale = largest(count);
			// More columns only when they allow clearly larger type.
			if (scale !== undefined && (!best || scale > best.scale * 1.03)) best = { scale, count };
		}
		if (best) apply(best.scale, best.count);
		else {
			apply(min, columns?.at(-1));
			node.setAttribute('data-fit', 'overflow');
		}
	};

	let frame = 0;
	const later = () => {
		cancelAnimationFrame(frame);
		frame = requestAnimationFrame(run);
	};

	run();
	const resized = new ResizeObserver(later);
	resized.observe(node);
	// Text changes (a new count) rarely change the layout: fit again only when something overflows now.
	const changed = new MutationObserver((records) => {
		if (records.some((r) => r.type === 'childList')) later();
		else if (!fits()) later();
	});
	changed.observe(node, { childList: true, characterData: true, subtree: true });
	document.fonts?.addEventListener('loadingdone', later);

	return {
		destroy() {
			cancelAnimationFrame(frame);
			resized.disconnect();
			changed.disconnect();
			document.fonts?.removeEventListener('loadingdone', later);
		}
	};
};

/**
 * Whether the element's content starts and ends within its box. Measured by its children's boxes, not by
 * `scrollHeight`: with a tight line height, the glyph boxes of the last line reach a little past
 * the line box, which is not content that is cut off (a bar or a line of text would be).
 */
function fitsVertically(node: HTMLElement): boolean {
	const blocks = [...node.children].filter((child) => {
		const { position, display } = getComputedStyle(child);
		return position !== 'absolute' && display !== 'inline' && display !== 'contents';
	});
	// Only text (and inline elements): the glyphs of the last line may reach 0.2 em past it.
	if (blocks.length === 0) return node.scrollHeight <= node.clientHeight + 0.2 * parseFloat(getComputedStyle(node).fontSize);
	const top = node.getBoundingClientRect().top + node.clientTop - 0.5;
	const bottom = top + node.clientHeight + 1;
	for (const child of blocks) {
		const r = child.getBoundingClientRect();
		// Centred content overflows at the top as well.
		if (r.bottom > bottom || r.top < top) return false;
	}
	return true;
}

/** No `whole` element is wider than its box: its words need not break mid-letter. */
const allWhole = (node: HTMLElement, selector: string) =>
	[...node.querySelectorAll<HTMLElement>(selector)].every((el) => el.scrollWidth <= el.clientWidth + 1);
