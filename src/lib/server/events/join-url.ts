import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The address phones use to join. ORIGIN wins; a projector opened on the laptop itself
 * (localhost) gets the laptop's network address instead, which phones in the room can reach.
 */
export function joinBase(requestUrl: URL, origin: string | undefined): string {
	if (origin) return origin.replace(/\/$/, '');
	if (LOOPBACK.has(requestUrl.hostname)) {
		const lan = lanAddress();
		if (lan) return `${requestUrl.protocol}//${lan}${requestUrl.port ? `:${requestUrl.port}` : ''}`;
	}
	return requestUrl.origin;
}

function lanAddress(): string | undefined {
	for (const addresses of Object.values(networkInterfaces())) {
		for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
	}
	return undefined;
}

export async function joinLink(base: string, code: string) {
	const url = `${base}/${code}`;
	return {
		url,
		/** For reading aloud and typing: no protocol. */
		short: url.replace(/^https?:\/\//, ''),
		qrSvg: await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' })
	};
}
