import type * as v from 'valibot';
import { quoted } from './text';

const KIND: Record<string, string> = {
	string: 'ein Text',
	number: 'eine Zahl',
	array: 'eine Liste',
	Array: 'eine Liste',
	Object: 'ein Objekt ({ … })',
	object: 'ein Objekt ({ … })'
};

/** German for valibot's issues in a set-up file; schema messages written in German still win. */
export function germanIssueMessage(issue: v.BaseIssue<unknown>): string {
	const many = Array.isArray(issue.input);
	switch (issue.type) {
		case 'non_empty':
			return 'Der Text fehlt.';
		case 'max_length':
			return many
				? `Höchstens ${issue.requirement} Einträge sind möglich.`
				: `Zu lang: ${String(issue.input).length} Zeichen, erlaubt sind höchstens ${issue.requirement}.`;
		case 'min_length':
			return `Mindestens ${issue.requirement} ${issue.requirement === 1 ? 'Eintrag ist' : 'Einträge sind'} nötig.`;
		case 'integer':
			return 'Hier gehört eine ganze Zahl hin.';
		case 'min_value':
			return `Die Zahl muss mindestens ${issue.requirement} sein.`;
		case 'max_value':
			return `Die Zahl darf höchstens ${issue.requirement} sein.`;
	}
	if (issue.kind === 'schema') {
		if (issue.input === undefined) return 'Diese Angabe fehlt.';
		const wanted = KIND[issue.expected ?? ''];
		return wanted ? `Hier gehört ${wanted} hin.` : 'Diese Angabe hat die falsche Form.';
	}
	return 'Diese Angabe ist ungültig.';
}

// Keys of the set-up file, for saying where a problem is.
const PLACES: Record<string, string> = {
	series: 'Reihe',
	event: 'Veranstaltung',
	impressum: 'Impressum',
	termine: 'Termine',
	prompts: 'Fragen',
	vote: 'Abstimmungsfrage',
	cards: 'Kartenfragen',
	feedback: 'Feedback-Frage',
	themeninseln: 'Themeninseln',
	kontakte: 'Kontakte',
	angebote: 'Angebote',
	programme: 'Programm',
	title: 'Titel',
	description: 'Beschreibung',
	name: 'Name',
	web: 'Web',
	email: 'E-Mail',
	date: 'Datum',
	sozialraum: 'Sozialraum',
	format: 'Format',
	organiser: 'Veranstalterin',
	headcount: 'Teilnehmendenzahl',
	worldCafeMinutes: 'Dauer des World-Cafés'
};
const ITEM: Record<string, string> = {
	themeninseln: 'Themeninsel',
	angebote: 'Angebot',
	kontakte: 'Kontakt',
	termine: 'Termin',
	cards: 'Kartenfrage',
	programme: 'Programmpunkt'
};

/** Where an issue is, in German: "Themeninsel 3 „Ehrenamt“ › Angebot 1 › Titel". */
export function germanPlace(path: v.IssuePathItem[] | undefined): string {
	const parts: string[] = [];
	(path ?? []).forEach((item, i) => {
		const key = item.key;
		if (typeof key === 'number') {
			const list = String(path?.[i - 1]?.key ?? '');
			// A Themeninsel's title helps to find it; an offer's is often the problem itself.
			const value = item.value as { title?: unknown } | undefined;
			const title = list === 'themeninseln' && typeof value?.title === 'string' && value.title.trim() ? ` ${quoted(value.title.trim(), 40)}` : '';
			parts.pop();
			parts.push(`${ITEM[list] ?? 'Eintrag'} ${key + 1}${title}`);
		} else parts.push(PLACES[String(key)] ?? String(key));
	});
	// "Themeninsel 3" and "Fragen" say enough; "Veranstaltung › Datum" needs its first part.
	if (path?.[0]?.key === 'event' && ['themeninseln', 'prompts'].includes(String(path[1]?.key))) parts.shift();
	return parts.join(' › ') || 'Datei';
}
