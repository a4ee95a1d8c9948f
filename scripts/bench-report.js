// Time to make the Dokumentation of the demo event with 100 participants' answers (budget: 3 s for DOCX and PDF
// together, each made once in a fresh process, as after a server start). Bundles a small entry (below) with esbuild
// into node_modules/.cache, so it needs no build and no TypeScript runner; it fills a fresh temporary database through
// the domain functions (fillDemo), writes the DOCX and the PDF as a download would, then adds one pin-board photo per
// Themeninsel and writes both again (for information; not part of the budget).
//
//   npm run bench:report                          human summary
//   npm run bench:report -- --json                one JSON object
//   npm run bench:report -- --out tmp/documentation   also keeps the two files there
//
// Exits 1 when DOCX + PDF take longer than the budget.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const BUDGET_MS = 3000;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { json: { type: 'boolean' }, out: { type: 'string' }, participants: { type: 'string' } } });

const ENTRY = `
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { configFromEnv } from './src/lib/server/config';
import { createRuntime } from './src/lib/server/runtime';
import { fillDemo } from './src/lib/server/demo/fill-demo';
import { findEventByCode, listStations } from './src/lib/server/events/queries';
import { addPhoto } from './src/lib/server/photos/photos';
import { eventDocument } from './src/lib/server/documentation/event-document';

/** A pin board as a phone photographs it: 4000 × 3000, cards on cork, each board different. */
function pinBoard(seed) {
	const cards = Array.from({ length: 24 }, (_, i) => ({
		input: { create: { width: 420, height: 300, channels: 3, noise: { type: 'gaussian', mean: 200 + ((i + seed) % 5) * 8, sigma: 25 } } },
		left: 200 + (i % 6) * 600,
		top: 250 + Math.floor(i / 6) * 650
	}));
	return sharp({ create: { width: 4000, height: 3000, channels: 3, noise: { type: 'gaussian', mean: 150, sigma: 20 } } })
		.composite(cards)
		.jpeg({ quality: 88 })
		.toBuffer();
}

async function write(runtime, eventId, out, suffix) {
	const times = {};
	const cpu = {};
	const sizes = {};
	for (const format of ['docx', 'pdf']) {
		const started = performance.now();
		const used = process.cpuUsage();
		const file = await eventDocument(runtime.db, runtime.config.dataDir, eventId, format);
		times[format] = Math.round(performance.now() - started);
		const { user, system } = process.cpuUsage(used);
		cpu[format] = Math.round((user + system) / 1000);
		sizes[format] = file.byteLength;
		if (out) writeFileSync(join(out, 'dokumentation' + suffix + '.' + format), file);
	}
	return { times, cpu, sizes };
}

export async function bench({ participants, out }) {
	const dir = mkdtempSync(join(tmpdir(), 'dialograum-bench-report-'));
	const runtime = createRuntime(configFromEnv({ DATABASE_URL: join(dir, 'bench.db'), DIALOGRAUM_ROOT: ${JSON.stringify(root)}, ADMIN_PASSWORD: 'bench-passwort-123' }));
	try {
		const filled = fillDemo(runtime, { participants, feedback: participants, seed: 2023 });
		const event = findEventByCode(runtime.db, 'DEMO');
		// First, as a fresh server process makes it: the budget.
		const budget = await write(runtime, event.id, out, '');
		const stations = listStations(runtime.db, event.id);
		for (const [i, station] of stations.entries()) {
			const bytes = await pinBoard(i);
			await addPhoto({ db: runtime.db, dataDir: runtime.config.dataDir }, { eventId: event.id, stationId: station.id, bytes, caption: 'Pinnwand ' + station.title });
		}
		const withPhotos = await write(runtime, event.id, out, '-mit-fotos');
		return { filled, photos: stations.length, budget, withPhotos };
	} finally {
		runtime.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
`;

const outfile = join(root, 'node_modules/.cache/dialograum-bench/bench-report.mjs');
mkdirSync(dirname(outfile), { recursive: true });
await build({
	stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'bench-report-entry.ts' },
	bundle: true,
	platform: 'node',
	format: 'esm',
	packages: 'external',
	target: 'node20',
	outfile,
	logLevel: 'warning'
});
const out = values.out ? resolve(values.out) : undefined;
if (out) mkdirSync(out, { recursive: true });
const participants = Number(values.participants ?? 100);
const { bench } = await import(pathToFileURL(outfile).href);
const result = await bench({ participants, out });
const total = result.budget.times.docx + result.budget.times.pdf;
const ok = total <= BUDGET_MS;

if (values.json) {
	console.log(JSON.stringify({ ...result, totalMs: total, budgetMs: BUDGET_MS, ok }));
} else {
	const { filled } = result;
	const kb = (n) => `${Math.round(n / 1024)} KB`;
	// CPU time next to the wall-clock time shows when other processes slowed the measurement down.
	const line = (label, run, format) =>
		`  ${label.padEnd(5)} ${String(run.times[format]).padStart(5)} ms  (CPU ${String(run.cpu[format]).padStart(4)} ms)  ${kb(run.sizes[format])}`;
	console.log(`Dokumentation der Demo-Veranstaltung: ${filled.participants} Teilnehmende, ${filled.votes} Stimmen, ${filled.cards} Karten, ${filled.feedback} Feedback-Wörter`);
	console.log(line('DOCX', result.budget, 'docx'));
	console.log(line('PDF', result.budget, 'pdf'));
	console.log(`  zusammen ${total} ms (Budget ${BUDGET_MS} ms): ${ok ? 'ok' : 'ZU LANGSAM'}`);
	console.log(`Dasselbe noch einmal, mit je einem Foto der ${result.photos} Pinnwände (Diagramme schon gezeichnet):`);
	console.log(line('DOCX', result.withPhotos, 'docx'));
	console.log(line('PDF', result.withPhotos, 'pdf'));
	if (out) console.log(`Dateien in ${out}`);
}
process.exitCode = ok ? 0 : 1;
