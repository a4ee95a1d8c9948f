import type { IncomingMessage } from 'node:http';

/**
 * Caps the open connections per client address, so one script cannot hold thousands of sockets
 * (memory, file descriptors). A whole venue often shares one public address behind the Wi-Fi's NAT,
 * and every phone may have two tabs open: the default of 300 leaves room for the largest hall, and
 * MAX_CONNECTIONS_PER_ADDRESS raises it (0 turns the cap off).
 */
export function createConnectionCap(limit: number) {
	const open = new Map<string, number>();
	return {
		allows: (address: string) => limit <= 0 || (open.get(address) ?? 0) < limit,
		opened(address: string) {
			open.set(address, (open.get(address) ?? 0) + 1);
		},
		closed(address: string) {
			const n = (open.get(address) ?? 1) - 1;
			if (n > 0) open.set(address, n);
			else open.delete(address);
		}
	};
}

export function connectionLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
	const limit = Number(env.MAX_CONNECTIONS_PER_ADDRESS ?? 300);
	return Number.isInteger(limit) && limit >= 0 ? limit : 300;
}

/**
 * The client's address as adapter-node sees it: behind a reverse proxy, from ADDRESS_HEADER
 * (for X-Forwarded-For the XFF_DEPTH-th entry from the right, the one the proxy added), else the socket's peer.
 */
export function clientAddress(request: IncomingMessage, env: NodeJS.ProcessEnv = process.env): string {
	const header = env.ADDRESS_HEADER?.toLowerCase();
	const value = header ? request.headers[header] : undefined;
	if (typeof value === 'string' && value) {
		if (header !== 'x-forwarded-for') return value.trim();
		const addresses = value.split(',');
		const depth = Math.max(1, Number(env.XFF_DEPTH ?? 1) || 1);
		return (addresses[Math.max(0, addresses.length - depth)] ?? '').trim();
	}
	return request.socket.remoteAddress ?? 'unbekannt';
}
