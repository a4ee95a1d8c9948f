const ZONE = 'Europe/Berlin';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** The wall-clock time in Berlin, as numbers. */
function berlin(instant: Date) {
	const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
	return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute!, second: +p.second! };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `06.09.2023 14:05:09`: German Excel reads it as a date and time. */
export function berlinText(instant: Date): string {
	const t = berlin(instant);
	return `${two(t.day)}.${two(t.month)}.${t.year} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
}

/**
 * The Berlin wall-clock time as a Date whose UTC fields hold it: spreadsheet cells have no time zone and
 * show the UTC fields, so the sheet shows the time people saw on the clock in the room.
 */
export function berlinWallClock(instant: Date): Date {
	const t = berlin(instant);
	return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
}
