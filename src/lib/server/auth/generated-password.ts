import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a console and typed by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random password like `k7mq-xr4t-9bzp-h2wc` (80 bits). */
export function generatePassword(): string {
	const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
	return Array.from({ length: 4 }, group).join('-');
}
