import type { QueueEntry } from '$lib/realtime/contract';

export type QueueFilter = 'all' | 'held' | 'hidden';
export type Moderation = 'visible' | 'hidden';

export const QUEUE_FILTERS: readonly { value: QueueFilter; label: string }[] = [
	{ value: 'all', label: 'Alle' },
	{ value: 'held', label: 'Zurückgehalten' },
	{ value: 'hidden', label: 'Ausgeblendet' }
];

export const entryKey = (entry: Pick<QueueEntry, 'kind' | 'id'>) => `${entry.kind}:${entry.id}`;

/** Held back by the blocklist and still waiting for a moderator (withdrawn ones need nobody). */
export const awaitsReview = (entry: QueueEntry) => entry.status === 'held' && !entry.withdrawn;

export function inFilter(entry: QueueEntry, filter: QueueFilter): boolean {
	if (filter === 'held') return awaitsReview(entry);
	if (filter === 'hidden') return entry.status === 'hidden';
	return true;
}

export function countByFilter(entries: readonly QueueEntry[]): Record<QueueFilter, number> {
	const counts = { all: entries.length, held: 0, hidden: 0 };
	for (const entry of entries) {
		if (awaitsReview(entry)) counts.held++;
		if (entry.status === 'hidden') counts.hidden++;
	}
	return counts;
}

export function newestFirst(entries: Iterable<QueueEntry>): QueueEntry[] {
	return [...entries].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id || a.kind.localeCompare(b.kind));
}

/** The entry's status in words, as moderators read it. */
export function statusText(entry: QueueEntry): string {
	if (entry.withdrawn) return 'zurückgezogen';
	if (entry.status === 'visible') return 'sichtbar';
	if (entry.status === 'hidden') return 'ausgeblendet';
	return entry.matched ? `zurückgehalten (Sperrliste: „${entry.matched}“)` : 'zurückgehalten';
}

/** What a moderator can do with the entry: held ones are approved or hidden; withdrawn ones are out of everyone's hands. */
export function moderationsOf(entry: QueueEntry): { label: string; status: Moderation }[] {
	if (entry.withdrawn) return [];
	if (entry.status === 'visible') return [{ label: 'Ausblenden', status: 'hidden' }];
	if (entry.status === 'hidden') return [{ label: 'Einblenden', status: 'visible' }];
	return [
		{ label: 'Freigeben', status: 'visible' },
		{ label: 'Ausblenden', status: 'hidden' }
	];
}

/** What a moderation did, for the polite announcement. */
export function moderatedText(entry: QueueEntry): string {
	const what = `„${entry.text.length > 60 ? `${entry.text.slice(0, 57)} …` : entry.text}“`;
	return entry.status === 'visible' ? `${what} ist jetzt sichtbar.` : `${what} ist ausgeblendet.`;
}

export const clockTime = (ms: number) => new Date(ms).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
