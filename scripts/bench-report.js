// Time to make the Dokumentation of the demo event with 100 participants' answers (budget: 3 s for DOCX and PDF
// together). Bundles a small entry (below) with esbuild into node_modules/.cache, so it needs no build and no
// TypeScript runner; it fills a fresh temporary database through the domain functions (fillDemo), adds one pin-board
// photo per Themeninsel, then writes the DOCX and the PDF once each, as a download would.
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

export async function bench({ participants, out }) {
	const dir = mkdtempSync(join(tmpdir(), 'dialograum-bench-report-'));
	const runtime = createRuntime(configFromEnv({ DATABASE_URL: join(dir, 'bench.db'), DIALOGRAUM_ROOT: ${JSON.stringify(root)}, ADMIN_PASSWORD: 'bench-passwort-123' }));
	try {
		const filled = fillDemo(runtime, { participants, feedback: participants, seed: 2023 });
		const event = findEventByCode(runtime.db, 'DEMO');
		// A pin board: 4000 × 3000 like a phone's photo, before the upload shrinks it.
		const board = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#c8a878' } })
			.composite(Array.from({ length: 24 }, (_, i) => ({
				input: { create: { width: 420, height: 300, channels: 3, background: i % 3 ? '#fff7a8' : '#9fd3f0' } },
				left: 200 + (i % 6) * 600, top: 250 + Math.floor(i / 6) * 650
			})))
			.jpeg({ quality: 90 })
			.toBuffer();
		for (const station of listStations(runtime.db, event.id)) {
			await addPhoto({ db: runtime.db, dataDir: runtime.config.dataDir }, { eventId: event.id, stationId: station.id, bytes: board, caption: 'Pinnwand ' + station.title });
		}
		const times = {};
		const cpu = {};
		const sizes = {};
		for (const format of ['docx', 'pdf']) {
			const started = performance.now();
			const used = process.cpuUsage();
			const file = await eventDocument(runtime.db, runtime.config.dataDir, event.id, format);
			times[format] = Math.round(performance.now() - started);
			const { user, system } = process.cpuUsage(used);
			cpu[format] = Math.round((user + system) / 1000);
			sizes[format] = file.byteLength;
			if (out) writeFileSync(join(out, 'dokumentation.' + format), file);
		}
		return { filled, times, cpu, sizes };
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
const total = result.times.docx + result.times.pdf;
const ok = total <= BUDGET_MS;

if (values.json) {
	console.log(JSON.stringify({ ...result, totalMs: total, budgetMs: BUDGET_MS, ok }));
} else {
	const { filled, times, cpu, sizes } = result;
	const kb = (n) => `${Math.round(n / 1024)} KB`;
	console.log(`Dokumentation der Demo-Veranstaltung: ${filled.participants} Teilnehmende, ${filled.votes} Stimmen, ${filled.cards} Karten, ${filled.feedback} Feedback-Wörter, 13 Fotos`);
	// CPU time next to the wall-clock time shows when other processes slowed the measurement down.
	console.log(`  DOCX  ${String(times.docx).padStart(5)} ms  (CPU ${cpu.docx} ms)  ${kb(sizes.docx)}`);
	console.log(`  PDF   ${String(times.pdf).padStart(5)} ms  (CPU ${cpu.pdf} ms)  ${kb(sizes.pdf)}`);
	console.log(`  zusammen ${total} ms (Budget ${BUDGET_MS} ms): ${ok ? 'ok' : 'ZU LANGSAM'}`);
	if (out) console.log(`  Dateien in ${out}`);
}
process.exitCode = ok ? 0 : 1;
