// Starts a server under test as its own process and watches it: banner, memory, CPU time.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Spawns `node <args>` with `env`, waits for the start-up banner and returns its URL and the
 * projector token printed in it (dialograum and the bare server print the same two lines).
 */
export async function startServer({ args, env, ipc = false, nodeOptions = [] }) {
	const child = spawn(process.execPath, [...nodeOptions, ...args], {
		env,
		stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])]
	});
	// Whatever happens to the bench, its server goes with it.
	const orphanGuard = () => child.kill('SIGKILL');
	process.once('exit', orphanGuard);
	child.once('exit', () => process.off('exit', orphanGuard));
	let output = '';
	const banner = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
		const read = (chunk) => {
			output += chunk.toString();
			if (/läuft: \S+/.test(output) && /Beamer:\s+\S+/.test(output)) {
				clearTimeout(timer);
				resolve(output);
			}
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
	});
	// Keep draining the pipes; the server logs errors there.
	const log = [];
	const keep = (chunk) => log.push(chunk.toString());
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	return {
		child,
		pid: child.pid,
		url: /läuft: (\S+)/.exec(banner)[1],
		displayToken: /Beamer:\s+\S+\/beamer\/(\S+)/.exec(banner)[1],
		log: () => log.join(''),
		rssMb: () => rssMb(child.pid),
		cpuMs: () => cpuMs(child.pid),
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
	};
}

/** Resident memory of a process in MB, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid) {
	const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) / 1024 : NaN;
}

/** User + system CPU time a process has used so far, in ms (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuMs(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Samples RSS every `everyMs` until stopped; returns the highest value seen. */
export function watchPeakRss(pid, everyMs = 200) {
	let peak = 0;
	const sample = () => {
		try {
			peak = Math.max(peak, rssMb(pid));
		} catch {
			// The process is gone; keep what was seen.
		}
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return () => (clearInterval(timer), sample(), peak);
}
