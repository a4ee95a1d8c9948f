/**
 * The generated texts of the Dokumentation, modelled on the published Dokumentationen of 2023. Organisers may
 * replace each of them; until they do, the World-Café and Fazit texts follow the results.
 */
import { longDate } from '../../dates';
import { percent } from '../../charts/awareness';
import { count, ordinal } from './german';
import type { EventReport, RankedOffer, ReportTexts } from './model';

export type ReportFacts = Omit<EventReport, 'texts' | 'defaults' | 'edited'>;

export function defaultTexts(facts: ReportFacts): ReportTexts {
	return { einleitung: einleitung(facts), programm: programm(facts), worldCafe: worldCafe(facts), fazit: fazit(facts) };
}

function einleitung({ event, series, place }: ReportFacts): string {
	const where = `den Expert*innendialog im Sozialraum ${event.sozialraum} am ${longDate(event.date)}${event.venue ? ` (${event.venue})` : ''}`;
	const which = place ? `die ${ordinal(place)} Veranstaltung der Reihe „${series.title}“: ${where}` : where;
	return [
		'Die Expert*innendialoge im Sozialraum sind Sozialraumkonferenzen der Stadt Oberhausen. Sie finden jährlich in ' +
			'allen Oberhausener Sozialräumen statt und bringen die sozialrelevanten Institutionen des jeweiligen Sozialraums ' +
			'zusammen: freie Wohlfahrt, Verwaltung, Politik und Expert*innen in eigener Sache. Gemeinsam wird über ' +
			'Sozialraumanalysen und lokale Handlungsbedarfe diskutiert.',
		'Die Expert*innendialoge sind eines der Instrumente der strategischen Sozialplanung der Stadt Oberhausen. Ihre ' +
			'Ergebnisse fließen in die Strategiepapiere mit ihren Handlungsempfehlungen und in deren Controlling ein.',
		`Diese Dokumentation zeigt ${which}.`
	].join('\n\n');
}

function programm({ programme }: ReportFacts): string {
	if (programme.length === 0) {
		return 'Nach der Begrüßung stand das World-Café an den Themeninseln im Mittelpunkt. Zum Abschluss gaben die Teilnehmenden ein Live-Feedback.';
	}
	return ['Die Veranstaltung hatte folgenden Ablauf:', programme.map((item) => `- ${item}`).join('\n')].join('\n\n');
}

function worldCafe({ event, stations, departments, prompts }: ReportFacts): string {
	const tables = count(stations.length, 'Themeninsel', 'Themeninseln');
	const presented =
		departments === 0
			? `An ${tables} wurden Maßnahmen und Angebote vorgestellt.`
			: departments === 1
				? `In Form eines World-Cafés präsentierte ein (Fach-)Bereich seine Angebote an ${tables}.`
				: `In Form eines World-Cafés präsentierten ${departments} (Fach-)Bereiche und Einrichtungen ihre Angebote an ${tables}.`;
	const questions = [`${event.votePrompt} (Ja/Nein)`, ...prompts.map((p) => p.text)];
	return [
		`${presented} Diese können sowohl sozialraumspezifische als auch stadtweite Angebote sein. An den Themeninseln ` +
			'hatten die Teilnehmenden die Möglichkeit, sich über die Maßnahmen und Angebote zu informieren, Fragen zu stellen ' +
			'und Anregungen zu geben.',
		`${event.worldCafeMinutes} Minuten lang konnten alle Teilnehmenden sich frei durch den Veranstaltungssaal bewegen ` +
			'und selbst entscheiden, welche Themeninsel sie besuchen möchten. So ergaben sich auch zahlreiche Möglichkeiten, ' +
			'mit anderen Teilnehmenden ins Gespräch zu kommen und die eigenen Netzwerke auszubauen.',
		questions.length === 1 ? 'Die zentrale Fragestellung war:' : 'Zentrale Fragestellungen waren:',
		questions.map((q) => `- ${q}`).join('\n'),
		'Geantwortet wurde mit dem eigenen Smartphone: Über den QR-Code der Themeninsel stimmten die Teilnehmenden je ' +
			'Angebot mit Ja oder Nein ab und schrieben ihre Antworten auf die offenen Fragen als digitale Moderationskarten.'
	].join('\n\n');
}

function fazit({ event, headcount, known, visibleCards, feedback }: ReportFacts): string {
	const people =
		headcount.countedAt === 'door'
			? `von den insgesamt ${headcount.count} Teilnehmenden`
			: `von ${count(headcount.count, 'teilnehmenden Person (gezählt über ihr Smartphone)', 'Teilnehmenden (gezählt über ihre Smartphones)')}`;
	const paragraphs = [
		`Der Expert*innendialog im Sozialraum ${event.sozialraum} wurde ${people} rege genutzt, um sich über vorhandene ` +
			'lokale und stadtweite soziale Unterstützungsangebote zu informieren und sich zu vernetzen. An den Themeninseln ' +
			'konnte ein Eindruck davon gewonnen werden, wie bekannt die Angebote bei den Institutionen im Sozialraum sind.'
	];
	const findings: string[] = [];
	if (known.best) findings.push(`Am bekanntesten war ${described(known.best)}.`);
	if (known.least) findings.push(`Am wenigsten bekannt war ${described(known.least)}.`);
	if (visibleCards > 0) {
		findings.push(`Überdies wurden ${count(visibleCards, 'Idee und Anregung', 'Ideen und Anregungen')} auf digitalen Moderationskarten gesammelt, zum Beispiel wie man die Angebote noch bekannter machen kann.`);
	}
	if (findings.length > 0) paragraphs.push(findings.join(' '));
	if (feedback.answers > 0) {
		paragraphs.push(
			`Zum Abschluss gaben die Teilnehmenden ein anonymes Live-Feedback mit ein bis zwei Worten: ${count(feedback.answers, 'Antwort', 'Antworten')}, live als Wortwolke gezeigt.`
		);
	}
	return paragraphs.join('\n\n');
}

/** „„Bürgergeld“ (Themeninsel Bürgergeld/Bildung und Teilhabe): 45 von 52 Antworten lauteten Ja (87 %)“ */
function described(offer: RankedOffer): string {
	return `„${offer.title}“ (Themeninsel ${offer.stationTitle}): ${offer.yes} von ${count(offer.answers, 'Antwort', 'Antworten')} ${offer.answers === 1 ? 'lautete' : 'lauteten'} Ja (${percent(offer.share ?? 0)})`;
}

