/** Rooms per event and audience: participants get only what their own screen needs. */
export const rooms = {
	participants: (eventId: number) => `event:${eventId}:participants`,
	projector: (eventId: number) => `event:${eventId}:projector`,
	organisers: (eventId: number) => `event:${eventId}:organisers`
};

/** Where live aggregates (tallies, presence) go. */
export const aggregateRooms = (eventId: number) => [rooms.projector(eventId), rooms.organisers(eventId)];
