import { randomBytes, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read off a projector and typed on phones. */
const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newJoinCode(length = 5): string {
	let code = '';
	for (let i = 0; i < length; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	return code;
}

export function newDisplayToken(): string {
	return randomBytes(18).toString('base64url');
}
