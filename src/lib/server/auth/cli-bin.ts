// Entry of `npm run user`, bundled to build/user.js: the project root (with drizzle/) is one folder up.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './cli';

process.env.DIALOGRAUM_ROOT ??= resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.exitCode = await main(process.argv.slice(2));
