import type { ProjectorJoined } from '$lib/realtime/contract';

/** What the projector page loads (browser-safe types; the server module fills them). */
export type ProjectorOffer = { id: number; title: string };
export type ProjectorStation = { id: number; position: number; title: string; offers: ProjectorOffer[] };
export type ProjectorPrompt = { id: number; text: string };
export type JoinLink = { url: string; short: string; qrSvg: string };

export type ProjectorPage = {
	event: { id: number; title: string; code: string; votePrompt: string; feedbackPrompt: string };
	stations: ProjectorStation[];
	/** The open questions asked at every Themeninsel, in order. */
	prompts: ProjectorPrompt[];
	join: JoinLink;
	/** The state when the page was made, shown until the live connection has joined. */
	initial: Omit<ProjectorJoined, 'eventId' | 'cloud'>;
};

/** How the page joins: with the secret display link, or as signed-in staff who may also switch screens. */
export type ProjectorAccess = { token: string } | { eventId: number };
