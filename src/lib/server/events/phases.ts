import { eq } from 'drizzle-orm';
import type { Phases } from '../../realtime/contract';
import type { Bus } from '../bus';
import type { Db } from '../db/connection';
import { event } from '../db/schema';
import { DomainError } from '../errors';

export function phasesOf(row: { worldCafeOpen: boolean; feedbackOpen: boolean }): Phases {
	return { worldCafeOpen: row.worldCafeOpen, feedbackOpen: row.feedbackOpen };
}

/** Opens or closes the World-Café and the feedback; phones and projector follow live. */
export function setPhases(deps: { db: Db; bus: Bus }, eventId: number, change: Partial<Phases>): Phases {
	const row = deps.db
		.update(event)
		.set(change)
		.where(eq(event.id, eventId))
		.returning({ worldCafeOpen: event.worldCafeOpen, feedbackOpen: event.feedbackOpen })
		.get();
	if (!row) throw new DomainError('not-found', 'Diese Veranstaltung gibt es nicht mehr.');
	const phases = phasesOf(row);
	deps.bus.publish('phasesChanged', { eventId, phases });
	return phases;
}

/** Refuses a submission while its phase is closed. */
export function requireOpen(phases: Phases, phase: keyof Phases): void {
	if (phases[phase]) return;
	throw new DomainError(
		'phase-closed',
		phase === 'worldCafeOpen'
			? 'Das World-Café ist gerade geschlossen. Ihre Eingabe wurde nicht gespeichert.'
			: 'Das Feedback ist gerade geschlossen. Ihre Eingabe wurde nicht gespeichert.'
	);
}
