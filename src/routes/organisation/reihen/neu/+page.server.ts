import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { readForm } from '$lib/server/forms';
import { useRuntime } from '$lib/server/runtime';
import { createSeries, SeriesFields } from '$lib/server/series/series';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url, 'organiser');
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		requireUser(locals, url, 'organiser');
		const form = await readForm(request, SeriesFields, 'series');
		if (!form.ok) return form.failure;
		redirect(303, `/organisation/reihen/${createSeries(useRuntime().db, form.data)}?neu=1`);
	}
};
