// The human summary and the targets of issue 7.

export const TARGETS = {
	participants: 1000,
	ackP99Ms: 100,
	ackP99VsBare: 1.5,
	voteToProjectorP99Ms: 250,
	durablePerSecond: 2000,
	rssMb: 300
};

/** Which targets the run meets (the targets are stated for 1,000 participants). */
export function targets(app, bare) {
	const ratio = bare ? app.ackMs.p99 / bare.ackMs.p99 : null;
	return {
		ackP99: { value: app.ackMs.p99, limit: TARGETS.ackP99Ms, met: app.ackMs.p99 <= TARGETS.ackP99Ms },
		ackP99VsBare: { value: ratio === null ? null : Math.round(ratio * 100) / 100, limit: TARGETS.ackP99VsBare, met: ratio === null ? null : ratio <= TARGETS.ackP99VsBare },
		voteToProjectorP99: { value: app.voteToProjectorMs.p99, limit: TARGETS.voteToProjectorP99Ms, met: app.voteToProjectorMs.p99 <= TARGETS.voteToProjectorP99Ms },
		durablePerSecond: { value: app.throughput.sustainedPerSecond, limit: TARGETS.durablePerSecond, met: app.throughput.sustainedPerSecond >= TARGETS.durablePerSecond },
		rss: { value: app.rssMb.peak, limit: TARGETS.rssMb, met: app.rssMb.peak <= TARGETS.rssMb }
	};
}

const ms = (s) => (s.count ? `${s.p50} / ${s.p95} / ${s.p99} ms` : '–');
const pad = (text, width) => String(text).padEnd(width);
const perSecond = (s) => (s ? `${s.median} / ${s.worst} ms (s ${s.worstSecond})` : '–');

export function humanSummary({ app, bare, checks, settings }) {
	const row = (label, a, b, ratio = '') => `  ${pad(label, 38)}${pad(a, 28)}${pad(b ?? '', 28)}${ratio}`;
	const r = (x, y) => (x && y ? `${(x / y).toFixed(2)}×` : '');
	const lines = [
		'',
		`dialograum load benchmark: ${app.participants} participants (${app.connected} connected), ${settings.workers} load processes, ${app.throughput.acknowledged} acknowledged submissions`,
		'',
		row('', 'dialograum', bare ? 'bare socket.io' : '', bare ? 'ratio' : ''),
		row('ack p50 / p95 / p99', ms(app.ackMs), bare && ms(bare.ackMs), bare ? r(app.ackMs.p99, bare.ackMs.p99) + ' (p99)' : ''),
		row('  p99 per second: median / worst', perSecond(app.ackP99PerSecond), bare && perSecond(bare.ackP99PerSecond)),
		row('  votes only', ms(app.ackMsByKind.vote), bare && ms(bare.ackMsByKind.vote)),
		row('  cards only', ms(app.ackMsByKind.card), bare && ms(bare.ackMsByKind.card)),
		row('  feedback only', ms(app.ackMsByKind.feedback), bare && ms(bare.ackMsByKind.feedback)),
		row('  joins', ms(app.ackMsByKind.join), bare && ms(bare.ackMsByKind.join)),
		row('vote → projector p50 / p95 / p99', ms(app.voteToProjectorMs), bare && ms(bare.voteToProjectorMs), bare ? r(app.voteToProjectorMs.p99, bare.voteToProjectorMs.p99) + ' (p99)' : ''),
		row('durable submissions/s, sustained', app.throughput.sustainedPerSecond, bare?.throughput.sustainedPerSecond),
		row('  peak second / World-Café average', `${app.throughput.peakPerSecond} / ${app.throughput.cafePerSecond}`, bare && `${bare.throughput.peakPerSecond} / ${bare.throughput.cafePerSecond}`),
		row('server RSS idle / connected / peak', `${app.rssMb.idle} / ${app.rssMb.connected} / ${app.rssMb.peak} MB`, bare && `${bare.rssMb.idle} / ${bare.rssMb.connected} / ${bare.rssMb.peak} MB`, bare ? r(app.rssMb.peak, bare.rssMb.peak) + ' (peak)' : ''),
		row('  per connected participant', `${app.rssMb.perParticipantKb} KB`, bare && `${bare.rssMb.perParticipantKb} KB`),
		row('server CPU in the World-Café', `${Math.round(app.serverCpuDuringCafe * 100)} % of a core`, bare && `${Math.round(bare.serverCpuDuringCafe * 100)} % of a core`),
		row('  per World-Café submission', `${app.serverCpuPerSubmissionUs} µs`, bare && `${bare.serverCpuPerSubmissionUs} µs`, bare ? r(app.serverCpuPerSubmissionUs, bare.serverCpuPerSubmissionUs) : ''),
		row('busiest load process', `${Math.round(app.loadProcessBusy * 100)} % busy`, bare && `${Math.round(bare.loadProcessBusy * 100)} % busy`),
		row('projector messages', app.projectorMessages, bare?.projectorMessages),
		''
	];
	const cores = settings.cores;
	const busiest = Math.max(app.loadAverageBefore, bare?.loadAverageBefore ?? 0);
	if (busiest > cores) lines.push(`  Note: the machine was busy with other work (load average ${busiest} on ${cores} cores before a run): latencies and rates are pessimistic; CPU per submission is hardly affected.`, '');
	const refused = Object.entries(app.refused);
	if (refused.length) lines.push(`  refused or retried: ${refused.map(([k, n]) => `${k} ×${n}`).join(', ')}`, '');
	lines.push(
		'  ack = from sending a submission to its acknowledgement (acknowledged only after the commit).',
		'  vote → projector = from a new answer\'s acknowledgement at the phone to the projector receiving a',
		'  tallies:changed in which that offer\'s Ja + Nein first reaches the answer\'s rank (k-th stored answer',
		'  on the offer); 0 when the projector had it first. Sustained = middle 80 % of the World-Café\'s acks.',
		'  p99 per second = the ack p99 of each second of the World-Café (by send time; s 0 is its start).',
		''
	);
	const db = app.database;
	lines.push(
		db.ok
			? `  database: ok. Exactly the acknowledged submissions are stored (${db.counts.votes} vote submissions, ${db.counts.currentVotes} current answers, ${db.counts.cards} cards, ${db.counts.feedback} feedback, ${db.counts.participants} participants).`
			: `  database: NOT OK\n${db.problems.map((p) => `    - ${p}`).join('\n')}`
	);
	if (checks) {
		lines.push('', `  targets (stated for ${TARGETS.participants} participants):`);
		const label = { ackP99: 'ack p99 ≤ 100 ms', ackP99VsBare: 'ack p99 ≤ 1.5× bare', voteToProjectorP99: 'vote → projector p99 ≤ 250 ms', durablePerSecond: '≥ 2,000 durable submissions/s', rss: 'RSS ≤ 300 MB' };
		for (const [key, t] of Object.entries(checks)) lines.push(`    ${t.met === null ? '–' : t.met ? 'met   ' : 'MISSED'}  ${pad(label[key], 32)} ${t.value ?? '–'}`);
	}
	return lines.join('\n');
}
