import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireUser } from '$lib/server/auth/guard';
import { findEventById, listPrompts, listStations } from '$lib/server/events/queries';
import { readForm, refused } from '$lib/server/forms';
import { useRuntime } from '$lib/server/runtime';
import * as editor from '$lib/server/setup/editor';
import { OfferFields, PromptFields, StationFields } from '$lib/server/setup/editor-fields';
import type { Actions, PageServerLoad } from './$types';

const FormId = v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1));
const Direction = v.pipe(v.picklist(['-1', '1']), v.transform((d) => Number(d) as -1 | 1));

function eventId(params: { id: string }): number {
	const event = findEventById(useRuntime().db, Number(params.id));
	if (!event) error(404, 'Diese Veranstaltung gibt es nicht (mehr).');
	return event.id;
}

export const load: PageServerLoad = ({ params, locals, url }) => {
	requireUser(locals, url, 'organiser');
	const { db } = useRuntime();
	const event = findEventById(db, eventId(params))!;
	return {
		event: { id: event.id, title: event.title, joinCode: event.joinCode },
		stations: listStations(db, event.id),
		prompts: listPrompts(db, event.id)
	};
};

/**
 * One action per change. Every action answers with `form` (which small form on the page it
 * belongs to), so a message appears next to what was changed.
 */
function action<S extends v.GenericSchema>(schema: S, form: (data: v.InferOutput<S>) => string, run: (eventId: number, data: v.InferOutput<S>) => string) {
	return async ({ request, params, locals, url }: Parameters<Actions[string]>[0]) => {
		requireUser(locals, url, 'organiser');
		const id = eventId(params as { id: string });
		const read = await readForm(request, schema);
		if (!read.ok) return read.failure;
		try {
			return { form: form(read.data), saved: run(id, read.data) };
		} catch (e) {
			return refused(e, form(read.data));
		}
	};
}

const db = () => useRuntime().db;
const Form = { form: v.optional(v.string()) };

export const actions: Actions = {
	addStation: action(v.object({ ...StationFields.entries, ...Form }), () => 'new-station', (event, f) => {
		editor.addStation(db(), event, f);
		return `„${f.title}“ ist angelegt. Fügen Sie jetzt Angebote hinzu.`;
	}),
	saveStation: action(v.object({ ...StationFields.entries, stationId: FormId, ...Form }), (f) => `station-${f.stationId}`, (event, f) => {
		editor.updateStation(db(), event, f.stationId, { title: f.title, contacts: f.contacts });
		return 'Gespeichert.';
	}),
	moveStation: action(v.object({ stationId: FormId, by: Direction, ...Form }), (f) => `station-${f.stationId}`, (event, f) => {
		editor.moveStation(db(), event, f.stationId, f.by);
		return 'Verschoben. Die Nummern haben sich geändert: Drucken Sie die Tischkarten neu.';
	}),
	deleteStation: action(v.object({ stationId: FormId, ...Form }), () => 'stations', (event, f) => {
		editor.deleteStation(db(), event, f.stationId);
		return 'Die Themeninsel ist gelöscht. Die Nummern der folgenden haben sich geändert: Drucken Sie die Tischkarten neu.';
	}),
	addOffer: action(v.object({ ...OfferFields.entries, stationId: FormId, ...Form }), (f) => `station-${f.stationId}`, (event, f) => {
		editor.addOffer(db(), event, f.stationId, { title: f.title, description: f.description });
		return `Das Angebot „${f.title}“ ist hinzugefügt.`;
	}),
	saveOffer: action(v.object({ ...OfferFields.entries, offerId: FormId, ...Form }), (f) => `offer-${f.offerId}`, (event, f) => {
		editor.updateOffer(db(), event, f.offerId, { title: f.title, description: f.description });
		return 'Gespeichert.';
	}),
	moveOffer: action(v.object({ offerId: FormId, by: Direction, ...Form }), (f) => `offer-${f.offerId}`, (event, f) => {
		editor.moveOffer(db(), event, f.offerId, f.by);
		return 'Verschoben.';
	}),
	deleteOffer: action(v.object({ offerId: FormId, ...Form }), (f) => `offer-${f.offerId}`, (event, f) => {
		editor.deleteOffer(db(), event, f.offerId);
		return 'Das Angebot ist gelöscht.';
	}),
	addPrompt: action(v.object({ ...PromptFields.entries, ...Form }), () => 'new-prompt', (event, f) => {
		editor.addPrompt(db(), event, f);
		return 'Die Frage ist hinzugefügt.';
	}),
	savePrompt: action(v.object({ ...PromptFields.entries, promptId: FormId, ...Form }), (f) => `prompt-${f.promptId}`, (event, f) => {
		editor.updatePrompt(db(), event, f.promptId, { text: f.text });
		return 'Gespeichert.';
	}),
	movePrompt: action(v.object({ promptId: FormId, by: Direction, ...Form }), (f) => `prompt-${f.promptId}`, (event, f) => {
		editor.movePrompt(db(), event, f.promptId, f.by);
		return 'Verschoben.';
	}),
	deletePrompt: action(v.object({ promptId: FormId, ...Form }), (f) => `prompt-${f.promptId}`, (event, f) => {
		editor.deletePrompt(db(), event, f.promptId);
		return 'Die Frage ist gelöscht.';
	})
};
