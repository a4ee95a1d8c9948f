import { error } from '@sveltejs/kit';
import { buildEventReport } from '$lib/server/documentation/build-event-report';
import { wordCloudImage } from '$lib/server/documentation/images';
import { EVENT_NOT_FOUND, organiserEvent } from '$lib/server/exports/organiser-event';
import { useRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The word cloud exactly as the Dokumentation embeds it, for the preview. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { db } = useRuntime();
	const event = organiserEvent(db, locals, url, params.id);
	const report = buildEventReport(db, event.id);
	if (!report || report.feedback.cloud.words.length === 0) error(404, EVENT_NOT_FOUND);
	const image = await wordCloudImage(report.feedback.cloud);
	return new Response(new Uint8Array(image.data), {
		headers: { 'content-type': 'image/png', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' }
	});
};
