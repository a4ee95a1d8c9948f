/**
 * Lets the checkpointer hold back the group commit for a moment: while it is held, submissions
 * keep arriving and wait in the queue; nothing blocks the main thread.
 */
export type WriteGate = {
	readonly held: boolean;
	hold(): void;
	release(): void;
	/** Runs `fn` now, or as soon as the gate is released. */
	whenOpen(fn: () => void): void;
};

export function createWriteGate(): WriteGate {
	let held = false;
	const waiting: (() => void)[] = [];
	return {
		get held() {
			return held;
		},
		hold() {
			held = true;
		},
		release() {
			held = false;
			for (const fn of waiting.splice(0)) fn();
		},
		whenOpen(fn) {
			if (held) waiting.push(fn);
			else fn();
		}
	};
}
