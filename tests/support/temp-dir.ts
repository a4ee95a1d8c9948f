import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for one test's database and files; `remove()` cleans it up. */
export function tempDir(prefix = 'dialograum-test-') {
	const path = mkdtempSync(join(tmpdir(), prefix));
	return { path, file: (name: string) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}
