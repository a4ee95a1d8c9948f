import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../realtime/contract';

export type SocketData = {
	role?: 'participant' | 'projector';
	eventId?: number;
	/** Row id of the participant; only set for role `participant`. */
	participantId?: number;
	/** The device-made identity; counts connected people, not tabs. */
	publicId?: string;
	/** A projector that joined with the secret display link: revoking the link disconnects it. */
	viaDisplayLink?: boolean;
	/** A signed-in organiser or moderator (from the session cookie); checked again on every control action. */
	user?: { id: number; role: 'organiser' | 'moderator'; token: string };
};

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
