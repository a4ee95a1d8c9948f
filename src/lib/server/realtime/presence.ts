/** Counts the people (device identities, not tabs) connected per event. */
export function createPresence(onChange: (eventId: number) => void) {
	const connected = new Map<number, Map<string, number>>();
	return {
		add(eventId: number, publicId: string) {
			const people = connected.get(eventId) ?? new Map<string, number>();
			connected.set(eventId, people);
			const tabs = people.get(publicId) ?? 0;
			people.set(publicId, tabs + 1);
			if (tabs === 0) onChange(eventId);
		},
		remove(eventId: number, publicId: string) {
			const people = connected.get(eventId);
			const tabs = people?.get(publicId);
			if (!people || !tabs) return;
			if (tabs > 1) return void people.set(publicId, tabs - 1);
			people.delete(publicId);
			if (people.size === 0) connected.delete(eventId);
			onChange(eventId);
		},
		count: (eventId: number) => connected.get(eventId)?.size ?? 0
	};
}

export type Presence = ReturnType<typeof createPresence>;
