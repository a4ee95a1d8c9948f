import * as v from 'valibot';

const Text = (label: string, max: number) =>
	v.pipe(v.string(), v.trim(), v.nonEmpty(`Bitte geben Sie ${label} an.`), v.maxLength(max, `Höchstens ${max} Zeichen.`));
const Optional = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max, `Höchstens ${max} Zeichen.`)), '');
const Whole = (label: string, min: number, max: number) =>
	v.pipe(
		v.union([v.number(), v.pipe(v.string(), v.trim(), v.nonEmpty(`Bitte geben Sie ${label} an.`), v.transform(Number))]),
		v.number(`${label} muss eine Zahl sein.`),
		v.integer(`${label} muss eine ganze Zahl sein.`),
		v.minValue(min, `${label}: mindestens ${min}.`),
		v.maxValue(max, `${label}: höchstens ${max}.`)
	);

/** What organisers set for an event (form fields arrive as strings; numbers are converted). */
export const EventFields = v.object({
	title: Text('einen Titel', 300),
	sozialraum: Text('den Sozialraum', 100),
	date: v.pipe(v.string(), v.trim(), v.isoDate('Bitte ein Datum im Format TT.MM.JJJJ wählen.')),
	venue: Optional(300),
	format: Optional(300),
	worldCafeMinutes: Whole('Die Dauer des World-Cafés', 1, 600),
	headcount: v.optional(
		v.union([v.literal(''), v.null(), Whole('Die Kopfzahl', 0, 100_000)]),
		null
	),
	votePrompt: Text('die Abstimmungsfrage', 300),
	feedbackPrompt: Optional(300)
});
export type EventFields = v.InferOutput<typeof EventFields>;

/** The values to store: an empty headcount means "not counted". */
export function eventValues(fields: EventFields) {
	return { ...fields, headcount: fields.headcount === '' ? null : fields.headcount };
}
