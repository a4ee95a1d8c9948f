/** Storage on the device; failures (private mode, full storage) must never break the page. */
export const deviceStorage = {
	read<T>(key: string, fallback: T): T {
		try {
			const raw = localStorage.getItem(key);
			return raw === null ? fallback : (JSON.parse(raw) as T);
		} catch {
			return fallback;
		}
	},
	write(key: string, value: unknown): void {
		try {
			localStorage.setItem(key, JSON.stringify(value));
		} catch {
			// the page still works; only a reload would forget
		}
	}
};

/** A random UUID v4; `crypto.randomUUID` needs HTTPS, which a venue's local server may not have. */
export function newId(): string {
	const b = crypto.getRandomValues(new Uint8Array(16));
	b[6] = (b[6]! & 0x0f) | 0x40;
	b[8] = (b[8]! & 0x3f) | 0x80;
	const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The anonymous identity of this device at one event; every table's QR code finds the same one. */
export function participantId(eventId: number): string {
	const key = `dialograum:${eventId}:participant`;
	let id = deviceStorage.read<string | null>(key, null);
	if (!id) deviceStorage.write(key, (id = newId()));
	return id;
}
