import { getContext, setContext } from 'svelte';
import type { ParticipantSession } from './session.svelte';

const KEY = Symbol('participant-session');
type SessionRef = () => ParticipantSession | undefined;

/** The session exists only in the browser, after hydration; pages read it through this getter. */
export const setSession = (ref: SessionRef) => setContext(KEY, ref);
export const getSession = () => getContext<SessionRef>(KEY);
