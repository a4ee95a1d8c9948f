import { describe, expect, it } from 'vitest';
import { createPendingImports, PENDING_IMPORT_MS, type PendingImport } from '$lib/server/setup/pending-imports';

const pending: PendingImport = { userId: 1, eventId: 7, format: 'sheet', fileName: 'a.csv', setup: { stations: [], warnings: [] } };

describe('previews waiting for confirmation', () => {
	it('are found by token, account and event until they expire', () => {
		let now = 1_000_000;
		const store = createPendingImports(() => now);
		const token = store.put(pending);

		expect(store.find(token, 1, 7)).toMatchObject(pending);
		expect(store.find(token, 2, 7)).toBeUndefined();
		expect(store.find(token, 1, 8)).toBeUndefined();
		now += PENDING_IMPORT_MS - 1;
		expect(store.find(token, 1, 7)).toBeDefined();
		now += 1;
		expect(store.find(token, 1, 7)).toBeUndefined();
	});

	it('are random, can be discarded, and only the newest 20 are kept', () => {
		const store = createPendingImports();
		const tokens = Array.from({ length: 21 }, () => store.put(pending));

		expect(new Set(tokens).size).toBe(21);
		expect(store.find(tokens[0]!, 1, 7)).toBeUndefined();
		expect(store.find(tokens[1]!, 1, 7)).toBeDefined();
		store.discard(tokens[1]!);
		expect(store.find(tokens[1]!, 1, 7)).toBeUndefined();
	});
});
