import { error, redirect } from '@sveltejs/kit';
import { signInPath } from './return-path';
import type { Role } from './schemas';
import type { User } from './users';

// Organisers may do everything moderators may.
const RANK: Record<Role, number> = { moderator: 1, organiser: 2 };

/**
 * The signed-in user, for a server `load` or action. Without a session: to the sign-in, and back
 * here afterwards. With a lower role than `role`: 403.
 */
export function requireUser(locals: App.Locals, url: URL, role: Role = 'moderator'): User {
	const user = locals.user;
	if (!user) redirect(303, signInPath(url));
	if (RANK[user.role] < RANK[role]) {
		error(403, 'Diese Seite ist nur für Organisator*innen. Wenn Sie hier arbeiten müssen, wenden Sie sich bitte an die Sozialplanung.');
	}
	return user;
}
