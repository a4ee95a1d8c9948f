import { and, eq } from 'drizzle-orm';
import type { DisplayScreen, DisplayState } from '../../realtime/contract';
import type { Bus } from '../bus';
import type { Db } from '../db/connection';
import { event, station } from '../db/schema';
import { DomainError } from '../errors';

type Deps = { db: Db; bus: Bus };
type EventRow = typeof event.$inferSelect;
type Change = Partial<Pick<EventRow, 'displayScreen' | 'displayStationId' | 'resultsVisible' | 'countdownEndsAt' | 'countdownRemainingMs'>>;

export function displayOf(row: EventRow, now = Date.now()): DisplayState {
	return {
		screen: row.displayScreen,
		stationId: row.displayStationId,
		resultsVisible: row.resultsVisible,
		countdown: {
			durationMs: row.worldCafeMinutes * 60_000,
			endsAt: row.countdownEndsAt?.getTime() ?? null,
			remainingMs: row.countdownRemainingMs
		},
		serverNow: now
	};
}

/** Switches the projector to a screen; the Themeninsel screen needs a station of this event. */
export function showScreen(deps: Deps, eventId: number, screen: DisplayScreen, stationId?: number | null): DisplayState {
	if (screen !== 'station') return change(deps, eventId, () => ({ displayScreen: screen }));
	return change(deps, eventId, (row) => {
		const chosen = stationId ?? row.displayStationId ?? firstStation(deps.db, eventId);
		const found =
			chosen && deps.db.select({ id: station.id }).from(station).where(and(eq(station.id, chosen), eq(station.eventId, eventId))).get();
		if (!found) throw new DomainError('not-found', 'Diese Themeninsel gibt es bei dieser Veranstaltung nicht.');
		return { displayScreen: screen, displayStationId: found.id };
	});
}

export function showResults(deps: Deps, eventId: number, visible: boolean): DisplayState {
	return change(deps, eventId, () => ({ resultsVisible: visible }));
}

/** Starts the World-Café countdown, or continues it where it was paused. */
export function startCountdown(deps: Deps, eventId: number, now = Date.now()): DisplayState {
	return change(deps, eventId, (row) => {
		if (row.countdownEndsAt) return {};
		const left = row.countdownRemainingMs ?? row.worldCafeMinutes * 60_000;
		return { countdownEndsAt: new Date(now + left), countdownRemainingMs: null };
	});
}

export function pauseCountdown(deps: Deps, eventId: number, now = Date.now()): DisplayState {
	return change(deps, eventId, (row) => {
		if (!row.countdownEndsAt) return {};
		return { countdownEndsAt: null, countdownRemainingMs: Math.max(0, row.countdownEndsAt.getTime() - now) };
	});
}

export function resetCountdown(deps: Deps, eventId: number): DisplayState {
	return change(deps, eventId, () => ({ countdownEndsAt: null, countdownRemainingMs: null }));
}

/** Reads, changes and commits the event's display in one transaction, then publishes it. */
function change(deps: Deps, eventId: number, decide: (row: EventRow) => Change): DisplayState {
	const display = deps.db.transaction((tx) => {
		const row = tx.select().from(event).where(eq(event.id, eventId)).get();
		if (!row) throw new DomainError('not-found', 'Diese Veranstaltung gibt es nicht mehr.');
		const set = decide(row);
		if (Object.keys(set).length === 0) return displayOf(row);
		return displayOf(tx.update(event).set(set).where(eq(event.id, eventId)).returning().get());
	});
	deps.bus.publish('displayChanged', { eventId, display });
	return display;
}

function firstStation(db: Db, eventId: number): number | undefined {
	return db.select({ id: station.id }).from(station).where(eq(station.eventId, eventId)).orderBy(station.position).limit(1).get()?.id;
}
