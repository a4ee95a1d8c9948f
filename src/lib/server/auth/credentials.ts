import type { Db } from '../db/connection';
import { hashPassword, verifyPassword } from './password';
import { findUserByEmail, toUser, type User } from './users';

// Checked when the e-mail is unknown, so the answer takes as long as for a known one.
let decoy: Promise<string> | undefined;

/** The account for this e-mail (any case, surrounding spaces ignored) and password, or undefined. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<User | undefined> {
	const found = findUserByEmail(db, email);
	decoy ??= hashPassword('dialograum-decoy');
	const matches = await verifyPassword(password, found?.passwordHash ?? (await decoy));
	return found && matches ? toUser(found) : undefined;
}
