import * as v from 'valibot';

/** Text lengths of a set-up; the spreadsheet import checks the same limits. */
export const SETUP_LIMITS = {
	stationTitle: 200,
	offerTitle: 300,
	offerDescription: 2000,
	contactName: 300,
	contactWeb: 500,
	contactEmail: 200,
	prompt: 300,
	stations: 99
} as const;

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(max));
const OptionalText = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max)));
const IsoDate = v.pipe(v.string(), v.isoDate('Datum im Format JJJJ-MM-TT angeben.'));

const Contact = v.object({
	name: Text(SETUP_LIMITS.contactName),
	web: OptionalText(SETUP_LIMITS.contactWeb),
	email: OptionalText(SETUP_LIMITS.contactEmail)
});
const Offer = v.object({ title: Text(SETUP_LIMITS.offerTitle), description: OptionalText(SETUP_LIMITS.offerDescription) });
const Station = v.object({
	title: Text(SETUP_LIMITS.stationTitle),
	kontakte: v.optional(v.array(Contact), []),
	angebote: v.pipe(v.array(Offer), v.minLength(1, 'Jede Themeninsel braucht mindestens ein Angebot.'))
});

/** The set-up file format of `shared/demo/`: a series with its dates and one event. */
export const SetupFile = v.object({
	series: v.object({
		title: Text(300),
		organiser: OptionalText(500),
		impressum: v.optional(
			v.object({
				herausgeberin: OptionalText(300),
				bereich: OptionalText(300),
				anschrift: OptionalText(300),
				web: OptionalText(300),
				email: OptionalText(200)
			}),
			{}
		),
		termine: v.optional(v.array(v.object({ date: IsoDate, sozialraum: Text(100) })), [])
	}),
	event: v.object({
		title: Text(300),
		sozialraum: Text(100),
		date: IsoDate,
		format: OptionalText(300),
		worldCafeMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)), 75),
		headcount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
		programme: v.optional(v.array(Text(300)), []),
		prompts: v.object({
			vote: v.optional(Text(SETUP_LIMITS.prompt), 'Kennen Sie dieses Angebot?'),
			cards: v.optional(v.array(Text(SETUP_LIMITS.prompt)), []),
			feedback: v.optional(Text(SETUP_LIMITS.prompt), '')
		}),
		themeninseln: v.pipe(v.array(Station), v.minLength(1), v.maxLength(SETUP_LIMITS.stations))
	})
});

export type SetupFile = v.InferOutput<typeof SetupFile>;
