import { stringify } from 'csv-stringify/sync';
import { SHEET_COLUMNS } from './model';

const INTEGRATION = 'Stadt Oberhausen, Bereich 2-6 Kommunales Integrationszentrum';
const INTEGRATION_WEB = 'www.oberhausen.de/de/index/rathaus/verwaltung/familie-schule-integration-und-sport/kommunales_integrationszentrum.php';

// Two offers of one Themeninsel (from the 2023 demo), so the grouping shows.
const EXAMPLES = [
	['Integration', 'Guter Lebensabend NRW', 'Abbau von Zugangsbarrieren für Senior*innen mit Einwanderungsgeschichte und ihre Angehörigen', INTEGRATION, INTEGRATION_WEB],
	['Integration', 'Seiteneinsteigerberatung', '', INTEGRATION, INTEGRATION_WEB]
];

/** The spreadsheet template: UTF-8 with BOM and `;`, so German Excel opens it with umlauts and columns right. */
export function setupTemplateCsv(): string {
	return stringify([[...SHEET_COLUMNS], ...EXAMPLES], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

export const TEMPLATE_FILE_NAME = 'vorlage-einrichtung.csv';
