const MINUTE = 60_000;

export type LimitRules = {
	/** Failures within `windowMs` that lead to a lock. */
	maxFailures: number;
	windowMs: number;
	/** The first lock; each further one doubles, up to `maxLockMs`. */
	firstLockMs: number;
	maxLockMs: number;
};

export const PER_EMAIL: LimitRules = { maxFailures: 5, windowMs: 15 * MINUTE, firstLockMs: MINUTE, maxLockMs: 60 * MINUTE };
// Colleagues behind one office gateway share an address: more room before everyone is locked out.
export const PER_ADDRESS: LimitRules = { maxFailures: 20, windowMs: 15 * MINUTE, firstLockMs: MINUTE, maxLockMs: 60 * MINUTE };

/** Keeps the memory bounded when someone tries thousands of addresses or e-mails. */
const MAX_ENTRIES = 10_000;

export type ThrottleKeys = { email: string; address: string };

export type ThrottleDecision =
	| { allowed: false; waitMs: number }
	| {
			allowed: true;
			/** The password was right: the attempt no longer counts as a failure. */
			succeeded(): void;
			/** After a wrong password: how long further attempts are refused (0: not yet). */
			waitMsAfterFailure(): number;
	  };

export type SignInThrottle = { begin(keys: ThrottleKeys, now: number): ThrottleDecision };

/**
 * Failed sign-ins per e-mail and per client address, in memory. An attempt counts as failed
 * from its start until it succeeds, so guesses sent in parallel are counted too.
 */
export function createSignInThrottle(rules = { email: PER_EMAIL, address: PER_ADDRESS }): SignInThrottle {
	const byEmail = createLimiter(rules.email);
	const byAddress = createLimiter(rules.address);
	const waitMs = ({ email, address }: ThrottleKeys, now: number) =>
		Math.max(byEmail.waitMs(email, now), byAddress.waitMs(address, now));

	return {
		begin(keys, now) {
			const wait = waitMs(keys, now);
			if (wait > 0) return { allowed: false, waitMs: wait };
			byEmail.countFailure(keys.email, now);
			byAddress.countFailure(keys.address, now);
			return {
				allowed: true,
				succeeded() {
					byEmail.forget(keys.email);
					byAddress.uncountFailure(keys.address, now);
				},
				waitMsAfterFailure: () => waitMs(keys, now)
			};
		}
	};
}

type Entry = { failures: number[]; lockouts: number; lockedUntil: number };

function createLimiter(rules: LimitRules) {
	const entries = new Map<string, Entry>();

	/** Drops old failures, turns a full set of them into a lock, forgets keys that have been quiet. */
	function settle(key: string, now: number): Entry | undefined {
		const entry = entries.get(key);
		if (!entry) return undefined;
		entry.failures = entry.failures.filter((at) => now - at < rules.windowMs);
		const last = entry.failures.at(-1);
		if (last !== undefined && entry.failures.length >= rules.maxFailures) {
			entry.lockedUntil = last + Math.min(rules.firstLockMs * 2 ** entry.lockouts, rules.maxLockMs);
			entry.lockouts += 1;
			entry.failures = [];
		}
		// A whole quiet window after the last lock forgives the earlier ones.
		if (entry.failures.length === 0 && now >= entry.lockedUntil + rules.windowMs) {
			entries.delete(key);
			return undefined;
		}
		return entry;
	}

	return {
		waitMs(key: string, now: number): number {
			return Math.max(0, (settle(key, now)?.lockedUntil ?? 0) - now);
		},
		countFailure(key: string, now: number): void {
			const entry = settle(key, now) ?? { failures: [], lockouts: 0, lockedUntil: 0 };
			entry.failures.push(now);
			entries.set(key, entry);
			if (entries.size > MAX_ENTRIES) {
				for (const k of entries.keys()) settle(k, now);
				for (const k of entries.keys()) if (entries.size > MAX_ENTRIES) entries.delete(k);
			}
		},
		uncountFailure(key: string, at: number): void {
			const failures = entries.get(key)?.failures;
			const index = failures?.indexOf(at) ?? -1;
			if (index >= 0) failures!.splice(index, 1);
		},
		forget(key: string): void {
			entries.delete(key);
		}
	};
}
