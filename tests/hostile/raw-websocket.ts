import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * A WebSocket client that sends whatever bytes it is given, even what a real client never would
 * (invalid UTF-8 in a text frame). Speaks just enough of RFC 6455 for that: the upgrade, masked frames.
 */
export async function rawWebSocket(url: string): Promise<{ sendText(bytes: Buffer): void; sendBinary(bytes: Buffer): void; closed: Promise<void> }> {
	const { hostname, port } = new URL(url);
	const socket: Socket = connect(Number(port), hostname);
	const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
	await new Promise<void>((resolve, reject) => {
		socket.once('error', reject);
		socket.once('connect', () => {
			socket.write(
				[
					'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1',
					`Host: ${hostname}:${port}`,
					'Upgrade: websocket',
					'Connection: Upgrade',
					`Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
					'Sec-WebSocket-Version: 13',
					'',
					''
				].join('\r\n')
			);
		});
		socket.once('data', (chunk) => (chunk.toString().startsWith('HTTP/1.1 101') ? resolve() : reject(new Error(chunk.toString()))));
	});
	const frame = (opcode: number, payload: Buffer) => {
		const mask = randomBytes(4);
		const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
		const length = payload.length < 126 ? Buffer.from([0x80 | payload.length]) : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
		socket.write(Buffer.concat([Buffer.from([0x80 | opcode]), length, mask, masked]));
	};
	return { sendText: (bytes) => frame(0x1, bytes), sendBinary: (bytes) => frame(0x2, bytes), closed };
}
