import { parse } from 'cookie';
import { SESSION_COOKIE } from '../auth/cookie';
import { validateSession } from '../auth/sessions';
import type { Db } from '../db/connection';
import { DomainError } from '../errors';
import type { AppSocket } from './types';

/** socket.io middleware: a browser with a valid session cookie connects as that organiser or moderator. */
export function authenticate(db: Db) {
	return (socket: AppSocket, next: (error?: Error) => void) => {
		const token = parse(socket.request.headers.cookie ?? '')[SESSION_COOKIE];
		const session = token ? validateSession(db, token) : undefined;
		if (session && token) socket.data.user = { id: session.user.id, role: session.user.role, token };
		next();
	};
}

/** The signed-in staff member behind a socket; the session is checked again so a sign-out takes effect at once. */
export function requireStaff(socket: AppSocket, db: Db) {
	const user = socket.data.user;
	if (!user || !validateSession(db, user.token)) {
		throw new DomainError('forbidden', 'Nur angemeldete Organisator*innen und Moderator*innen dürfen das. Bitte melden Sie sich an.');
	}
	return user;
}
