/**
 * Token buckets per key (a device, a connection): `burst` submissions at once, refilled at
 * `perSecond`. Honest use (tapping through a table, a queue sent after a Wi-Fi drop) stays
 * below it; a flood is refused with a friendly message and nothing is written.
 */
export function createRateLimiter({ burst, perSecond }: { burst: number; perSecond: number }) {
	const buckets = new Map<string | number, { tokens: number; at: number }>();

	function take(key: string | number, now = Date.now()): boolean {
		const bucket = buckets.get(key) ?? { tokens: burst, at: now };
		bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
		bucket.at = now;
		buckets.set(key, bucket);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	// Full buckets hold no information: drop them so the map doesn't grow with every device ever seen.
	const sweep = setInterval(() => {
		const now = Date.now();
		for (const [key, b] of buckets) if (b.tokens + ((now - b.at) / 1000) * perSecond >= burst) buckets.delete(key);
	}, 60_000);
	sweep.unref();

	return { take, stop: () => clearInterval(sweep) };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
