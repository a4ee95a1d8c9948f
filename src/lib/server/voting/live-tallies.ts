import type { OfferTally } from '../../realtime/contract';
import type { DomainEvents } from '../bus';
import type { Db } from '../db/connection';
import { offerTally } from './voting';

/**
 * Ja/Nein counts for the live views (projector, control page). An offer is counted in the
 * database the first time it is shown; after that each committed vote moves its count by one,
 * instead of the offer being counted again for every update: with a thousand people, that count
 * ran over hundreds of votes per offer ten times a second.
 *
 * Votes and reads happen on the one event loop, and `voteCast` is published right after its
 * commit, so a count taken from the database already holds every vote published before it.
 */
export function createLiveTallies(db: Db) {
	const known = new Map<number, OfferTally>();

	return {
		tallyOf(offerId: number): OfferTally {
			let tally = known.get(offerId);
			if (!tally) {
				tally = offerTally(db, offerId);
				known.set(offerId, tally);
			}
			return { ...tally };
		},
		/** A committed vote; an offer not counted yet is left to the database. */
		voteCast({ offerId, answer, replaced }: DomainEvents['voteCast']) {
			const tally = known.get(offerId);
			if (!tally || answer === replaced) return;
			tally[answer] += 1;
			if (replaced) tally[replaced] -= 1;
		},
		/** Votes were deleted (participation erased): count again from the database. */
		forget() {
			known.clear();
		}
	};
}
