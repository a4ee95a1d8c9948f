import * as v from 'valibot';

const Text = (label: string, max: number) =>
	v.pipe(v.string(), v.trim(), v.nonEmpty(`Bitte geben Sie ${label} an.`), v.maxLength(max, `Höchstens ${max} Zeichen.`));
const Optional = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max, `Höchstens ${max} Zeichen.`)), '');

const Contact = v.object({ name: Optional(300), web: Optional(500), email: Optional(200) });

export const StationFields = v.object({
	title: Text('einen Titel', 200),
	/** Empty contact rows from the form are dropped. */
	contacts: v.pipe(
		v.optional(v.array(Contact), []),
		v.transform((rows) => rows.filter((c) => c.name || c.web || c.email)),
		v.check((rows) => rows.every((c) => c.name), 'Jeder Kontakt braucht einen Namen (z. B. den Fachbereich).'),
		v.maxLength(10, 'Höchstens 10 Kontakte.')
	)
});
export const OfferFields = v.object({ title: Text('einen Titel', 300), description: Optional(2000) });
export const PromptFields = v.object({ text: Text('die Frage', 300) });

export type StationFields = v.InferOutput<typeof StationFields>;
export type OfferFields = v.InferOutput<typeof OfferFields>;
export type PromptFields = v.InferOutput<typeof PromptFields>;
