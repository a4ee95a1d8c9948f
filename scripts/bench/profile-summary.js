// Prints where a server spent its time, from a `node --cpu-prof` profile (`npm run bench -- --profile DIR`).
//   node scripts/bench/profile-summary.js DIR/CPU.….cpuprofile [--top 30]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' } } });
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const top = Number(values.top);

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Time per sample: the gap to the next one.
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const label = (n) => {
	const { functionName, url, lineNumber } = n.callFrame;
	const file = url.replace(/^.*\/(node_modules\/)?/, (m, nm) => (nm ? 'node_modules/' : '')).replace(/^file:\/\//, '');
	return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
};

const bySelf = new Map();
const inclusive = new Map();
for (const [id, ms] of self) {
	const name = label(nodes.get(id));
	bySelf.set(name, (bySelf.get(name) ?? 0) + ms);
	const seen = new Set();
	for (let at = id; at !== undefined; at = parent.get(at)) {
		const key = label(nodes.get(at));
		if (seen.has(key)) continue;
		seen.add(key);
		inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
	}
}
const idle = [...bySelf].filter(([k]) => k.startsWith('(idle)')).reduce((a, [, v]) => a + v, 0);
const show = (title, map) => {
	console.log(`\n${title}`);
	for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
		console.log(`${ms.toFixed(0).padStart(8)} ms ${((ms / (total - idle)) * 100).toFixed(1).padStart(5)} %  ${name}`);
	}
};
console.log(`${(total / 1000).toFixed(1)} s profiled, ${(idle / 1000).toFixed(1)} s idle; percentages are of the busy time`);
show('self time', bySelf);
show('inclusive time', inclusive);
