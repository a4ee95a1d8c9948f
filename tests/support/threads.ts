import { readdirSync, readFileSync } from 'node:fs';

/** The nice value of each thread of a process (this one by default), by thread id (Linux keeps it per thread). */
export function niceOfThreads(pid: number | 'self' = 'self'): Map<number, number> {
	const nice = new Map<number, number>();
	for (const tid of readdirSync(`/proc/${pid}/task`)) {
		try {
			const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
			nice.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
		} catch {
			// the thread ended meanwhile
		}
	}
	return nice;
}
