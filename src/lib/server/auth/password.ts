import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

type Cost = { N: number; r: number; p: number };

/** Memory-hard: 64 MiB and about 0.2 s per hash on a small server. */
const COST: Cost = { N: 2 ** 16, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse stored hashes that would need more memory than this (a corrupt or hostile row). */
const MAX_MEMORY = 256 * 1024 * 1024;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised later. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	return format(COST, salt, await derive(password, salt, COST, KEY_BYTES));
}

/** The same, blocking: only for start-up, before the server takes requests. */
export function hashPasswordSync(password: string): string {
	const salt = randomBytes(SALT_BYTES);
	return format(COST, salt, scryptSync(normalise(password), salt, KEY_BYTES, options(COST)));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parse(stored);
	if (!parsed) return false;
	const key = await derive(password, parsed.salt, parsed.cost, parsed.hash.length);
	return timingSafeEqual(key, parsed.hash);
}

// The same password typed on different systems may arrive in different Unicode forms (ä vs. a + ¨).
const normalise = (password: string) => password.normalize('NFKC');

const options = ({ N, r, p }: Cost) => ({ N, r, p, maxmem: 2 * 128 * N * r });

function derive(password: string, salt: Buffer, cost: Cost, length: number): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(normalise(password), salt, length, options(cost), (error, key) => (error ? reject(error) : resolve(key)))
	);
}

function format({ N, r, p }: Cost, salt: Buffer, hash: Buffer): string {
	return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

function parse(stored: string): { cost: Cost; salt: Buffer; hash: Buffer } | undefined {
	const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
	if (scheme !== 'scrypt' || rest.length > 0 || !salt || !hash) return undefined;
	const cost = { N: Number(n), r: Number(r), p: Number(p) };
	const powerOfTwo = Number.isInteger(cost.N) && cost.N > 1 && (cost.N & (cost.N - 1)) === 0;
	const sane = powerOfTwo && Number.isInteger(cost.r) && cost.r >= 1 && cost.p === 1;
	if (!sane || 128 * cost.N * cost.r > MAX_MEMORY) return undefined;
	const parsed = { cost, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
	return parsed.salt.length >= SALT_BYTES && parsed.hash.length >= KEY_BYTES ? parsed : undefined;
}
