import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/contract';

export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The browser's connection to this server (same origin, reconnecting on its own). */
export function connect(): AppClientSocket {
	return io({ reconnectionDelay: 500, reconnectionDelayMax: 5000 });
}
