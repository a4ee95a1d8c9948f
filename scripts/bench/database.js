// Reads the benchmark's database file (read-only, better-sqlite3): the event's layout before the
// run, and afterwards what was stored, to hold it against what the phones were told was saved.
import Database from 'better-sqlite3';

const open = (file) => new Database(file, { readonly: true, fileMustExist: true });

/** The demo event's Themeninseln with their offers, and its prompts. */
export function readLayout(file, code) {
	const db = open(file);
	try {
		const event = db.prepare('select id from event where join_code = ?').get(code);
		if (!event) throw new Error(`no event with the code ${code}`);
		const rows = db
			.prepare('select s.id as stationId, o.id as offerId from station s left join offer o on o.station_id = s.id where s.event_id = ? order by s.position, o.position')
			.all(event.id);
		const stations = new Map();
		for (const { stationId, offerId } of rows) {
			const station = stations.get(stationId) ?? { id: stationId, offers: [] };
			stations.set(stationId, station);
			if (offerId !== null) station.offers.push(offerId);
		}
		const prompts = db.prepare('select id from prompt where event_id = ? order by position').all(event.id).map((p) => p.id);
		return { eventId: event.id, stations: [...stations.values()], prompts };
	} finally {
		db.close();
	}
}

/** Every stored vote submission in the order it was applied: [clientId, offerId, voteRowId, created]. */
export function readVoteLog(file) {
	const db = open(file);
	try {
		const seen = new Set();
		return db
			.prepare('select s.client_id as clientId, v.offer_id as offerId, v.id as voteId from vote_submission s join vote v on v.id = s.vote_id order by s.rowid')
			.raw()
			.all()
			.map(([clientId, offerId, voteId]) => {
				const created = !seen.has(voteId);
				seen.add(voteId);
				return [clientId, offerId, voteId, created];
			});
	} finally {
		db.close();
	}
}

/**
 * Holds the database against the acknowledgements: every acknowledged vote, card and feedback
 * entry is stored exactly once, nothing else is, and each person's last acknowledged answer is
 * the one that counts.
 */
export function checkDatabase(file, { votes, cards, feedback, people }) {
	const db = open(file);
	const problems = [];
	try {
		const compare = (what, acked, stored) => {
			const ackedSet = new Set(acked);
			if (ackedSet.size !== acked.length) problems.push(`${what}: ${acked.length - ackedSet.size} client ids acknowledged twice`);
			const storedSet = new Set(stored);
			if (storedSet.size !== stored.length) problems.push(`${what}: ${stored.length - storedSet.size} duplicate rows`);
			const missing = [...ackedSet].filter((id) => !storedSet.has(id));
			const extra = [...storedSet].filter((id) => !ackedSet.has(id));
			if (missing.length) problems.push(`${what}: ${missing.length} acknowledged but not stored (e.g. ${missing[0]})`);
			if (extra.length) problems.push(`${what}: ${extra.length} stored but never acknowledged (e.g. ${extra[0]})`);
			return stored.length;
		};
		const submissions = db.prepare('select client_id as id, answer from vote_submission').all();
		const counts = {
			votes: compare('votes', votes.map((v) => v[0]), submissions.map((s) => s.id)),
			cards: compare('cards', cards, db.prepare('select client_id from card').pluck().all()),
			feedback: compare('feedback', feedback, db.prepare('select client_id from feedback').pluck().all())
		};

		const storedAnswer = new Map(submissions.map((s) => [s.id, s.answer]));
		const wrong = votes.filter(([id, , , answer]) => storedAnswer.has(id) && storedAnswer.get(id) !== answer);
		if (wrong.length) problems.push(`votes: ${wrong.length} stored with another answer than acknowledged`);

		// Each person sends in order, so the last acknowledgement per person and offer is the answer that counts.
		const last = new Map();
		for (const [, person, offerId, answer, ackAt] of votes) {
			const key = `${person}:${offerId}`;
			if (!last.has(key) || last.get(key).ackAt < ackAt) last.set(key, { answer, ackAt });
		}
		const current = db.prepare('select p.public_id as person, v.offer_id as offerId, v.answer from vote v join participant p on p.id = v.participant_id').all();
		if (current.length !== last.size) problems.push(`votes: ${current.length} current answers stored, ${last.size} expected`);
		const stale = current.filter((v) => last.get(`${v.person}:${v.offerId}`)?.answer !== v.answer);
		if (stale.length) problems.push(`votes: ${stale.length} current answers differ from the last acknowledged one`);

		counts.participants = db.prepare('select count(*) from participant').pluck().get();
		if (counts.participants !== people) problems.push(`participants: ${counts.participants} stored, ${people} joined`);
		counts.currentVotes = current.length;
		return { ok: problems.length === 0, problems, counts };
	} finally {
		db.close();
	}
}
