import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { JoinCode } from '$lib/realtime/contract';
import { findEventByCode } from '$lib/server/events/queries';
import { useRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** The start page's form sends `?code=`: go straight to the event, or say what is wrong. */
export const load: PageServerLoad = ({ url }) => {
	const raw = url.searchParams.get('code');
	if (raw === null) return { code: '', problem: undefined };
	const parsed = v.safeParse(JoinCode, raw.replace(/\s+/g, ''));
	if (parsed.success && findEventByCode(useRuntime().db, parsed.output)) redirect(303, `/${parsed.output}`);
	return {
		code: raw.slice(0, 20),
		problem: parsed.success
			? 'Zu diesem Code gibt es keine Veranstaltung. Bitte prüfen Sie den Code auf dem Aushang.'
			: 'Der Code besteht aus 3 bis 12 Buchstaben oder Ziffern.'
	};
};
