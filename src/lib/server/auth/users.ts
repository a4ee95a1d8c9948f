import { asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/connection';
import { session, user } from '../db/schema';
import { hashPassword } from './password';
import { Email, NewAccount, NewPassword, normaliseEmail, type NewAccountInput } from './schemas';

/** A signed-in person as pages see them: never the password hash. */
export type User = { id: number; email: string; name: string; role: (typeof user.$inferSelect)['role'] };
export type Account = User & { createdAt: Date };

/** A refused account change; `message` is German and says what to do. */
export class AccountError extends Error {
	override name = 'AccountError';
}

const accountColumns = { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt };

/** Validates a new account; throws AccountError with the first problem. */
export function parseAccount(input: NewAccountInput): v.InferOutput<typeof NewAccount> {
	return parseOrRefuse(NewAccount, input);
}

/** Stores a validated account with an already computed hash (see `createUser`). */
export function insertAccount(db: Db, account: Omit<v.InferOutput<typeof NewAccount>, 'password'>, passwordHash: string): Account {
	if (findUserByEmail(db, account.email)) {
		throw new AccountError(`Ein Konto mit der E-Mail ${account.email} gibt es schon.`);
	}
	return db
		.insert(user)
		.values({ email: account.email, name: account.name, role: account.role, passwordHash })
		.returning(accountColumns)
		.get();
}

export async function createUser(db: Db, input: NewAccountInput): Promise<Account> {
	const account = parseAccount(input);
	return insertAccount(db, account, await hashPassword(account.password));
}

/** Sets a new password and ends every session of the account, so a leaked one stops working. */
export async function setPassword(db: Db, email: string, password: string): Promise<Account> {
	const valid = parseOrRefuse(NewPassword, password);
	const found = findUserByEmail(db, parseOrRefuse(Email, email));
	if (!found) throw new AccountError(`Es gibt kein Konto mit der E-Mail ${normaliseEmail(email)}.`);
	const passwordHash = await hashPassword(valid);
	db.transaction((tx) => {
		tx.update(user).set({ passwordHash }).where(eq(user.id, found.id)).run();
		tx.delete(session).where(eq(session.userId, found.id)).run();
	});
	return toAccount(found);
}

export function findUserByEmail(db: Db, email: string): typeof user.$inferSelect | undefined {
	return db.select().from(user).where(eq(user.email, normaliseEmail(email))).get();
}

export function listUsers(db: Db): Account[] {
	return db.select(accountColumns).from(user).orderBy(asc(user.email)).all();
}

export function hasAnyUser(db: Db): boolean {
	return db.select({ id: user.id }).from(user).limit(1).get() !== undefined;
}

export function toUser({ id, email, name, role }: User): User {
	return { id, email, name, role };
}

function toAccount(row: typeof user.$inferSelect): Account {
	return { ...toUser(row), createdAt: row.createdAt };
}

function parseOrRefuse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (!result.success) throw new AccountError(result.issues[0].message);
	return result.output;
}
