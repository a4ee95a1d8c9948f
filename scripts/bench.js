// Load benchmark: a full hall of phones against the production server, and the same crowd
// against a bare socket.io server as the baseline. Needs the production build (`npm run build`).
//
//   npm run bench                                   500 participants, human summary
//   npm run bench -- --participants 1000 --json     one JSON object on stdout
//
// Options: --participants N (500), --workers N load processes (2), --rounds N Themeninseln per
// person (8), --seed N, --no-baseline, --profile DIR (CPU profile of the server, node --cpu-prof),
// --server-node-options="…" (flags for the servers under test, e.g. --server-node-options=--max-old-space-size=256).
// Exits 1 when the database does not hold exactly the acknowledged submissions, 2 when it could
// not run (no build, a process failed).
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runLoad } from './bench/run.js';
import { humanSummary, targets } from './bench/report.js';
import { DEFAULT_SHAPE } from './bench/scenario.js';

const { values } = parseArgs({
	options: {
		participants: { type: 'string', default: '500' },
		workers: { type: 'string', default: '2' },
		rounds: { type: 'string', default: String(DEFAULT_SHAPE.rounds) },
		seed: { type: 'string', default: '7' },
		json: { type: 'boolean', default: false },
		'no-baseline': { type: 'boolean', default: false },
		profile: { type: 'string' },
		'server-node-options': { type: 'string' }
	}
});
const participants = positive(values.participants, '--participants');
const workers = positive(values.workers, '--workers');
const settings = { participants, workers, cores: availableParallelism(), seed: Number(values.seed), shape: { ...DEFAULT_SHAPE, rounds: positive(values.rounds, '--rounds') } };
const log = (line) => process.stderr.write(`${line}\n`);

if (!existsSync('build/handler.js') || !existsSync('build/start.js')) {
	log('No production build: run `npm run build` first (the bench measures what `node server.js` serves).');
	process.exit(2);
}
warnAboutFileLimit(participants);

try {
	const serverNodeOptions = values['server-node-options']?.split(/\s+/).filter(Boolean) ?? [];
	const common = { participants, workers, shape: settings.shape, seed: settings.seed, profileDir: values.profile, serverNodeOptions, log };
	const app = await runLoad({ kind: 'dialograum', ...common });
	const bare = values['no-baseline'] ? undefined : await runLoad({ kind: 'bare', ...common, layout: app.layout });
	const checks = targets(app, bare);
	if (values.json) {
		const strip = ({ layout: _layout, ...rest }) => rest;
		console.log(JSON.stringify({ settings, dialograum: strip(app), bare: bare && strip(bare), ackP99Ratio: checks.ackP99VsBare.value, targets: checks }));
	} else {
		console.log(humanSummary({ app, bare, checks, settings }));
		if (!app.database.ok) console.log(`\nServer log (last lines):\n${app.serverLog.join('\n')}`);
	}
	process.exit(app.database.ok ? 0 : 1);
} catch (error) {
	log(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(2);
}

function positive(text, name) {
	const n = Number(text);
	if (!Number.isInteger(n) || n < 1) {
		log(`${name} needs a positive whole number, not "${text}".`);
		process.exit(2);
	}
	return n;
}

/** Each phone is a socket in the server and one in a load process: both need file descriptors. */
function warnAboutFileLimit(n) {
	const limit = Number(/Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? Infinity);
	if (limit < n + 200) log(`Warning: only ${limit} open files allowed; raise it first, e.g. \`ulimit -n ${Math.max(4096, 2 * n)}\`.`);
}
