import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

/** No server request here: the Themeninsel comes from the event's set-up already on the phone. */
export const load: PageLoad = async ({ params, parent }) => {
	const { stations } = await parent();
	const n = Number(params.n);
	const index = stations.findIndex((s) => s.position === n);
	if (index < 0) error(404, `Themeninsel ${n} gibt es bei dieser Veranstaltung nicht.`);
	return { station: stations[index]!, previous: stations[index - 1], next: stations[index + 1] };
};
