import { describe, expect, it } from 'vitest';
import { hashPassword, hashPasswordSync, verifyPassword } from '$lib/server/auth/password';

describe('password hashing', () => {
	it('verifies the right password and refuses a wrong one', async () => {
		const stored = await hashPassword('Sozialraum-2025!');

		expect(await verifyPassword('Sozialraum-2025!', stored)).toBe(true);
		expect(await verifyPassword('sozialraum-2025!', stored)).toBe(false);
		expect(await verifyPassword('', stored)).toBe(false);
	});

	it('stores a self-describing scrypt string with a random salt, never the password', async () => {
		const first = await hashPassword('Sozialraum-2025!');
		const second = await hashPassword('Sozialraum-2025!');

		expect(first).toMatch(/^scrypt\$65536\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
		expect(first).not.toContain('Sozialraum');
		expect(second).not.toBe(first);
	});

	it('accepts the password in either Unicode form (ä typed as one or two characters)', async () => {
		const stored = await hashPassword('Grünanlage-Lirich'.normalize('NFC'));
		expect(await verifyPassword('Grünanlage-Lirich'.normalize('NFD'), stored)).toBe(true);
	});

	it('the blocking variant used at start-up writes hashes the same check accepts', async () => {
		expect(await verifyPassword('beim-ersten-Start', hashPasswordSync('beim-ersten-Start'))).toBe(true);
	});

	it('refuses, without throwing, a stored hash that is damaged or asks for absurd memory', async () => {
		const stored = await hashPassword('Sozialraum-2025!');
		const [, , , , salt, hash] = stored.split('$');

		for (const broken of ['', 'plain-text', stored.slice(0, -5), `scrypt$1048576$64$1$${salt}$${hash}`, `bcrypt$x`]) {
			expect(await verifyPassword('Sozialraum-2025!', broken)).toBe(false);
		}
	});
});
