/** `2023-09-06` as „Mittwoch, 6. September 2023“; noon, so no time zone moves the day. */
export function longDate(isoDate: string): string {
	return new Date(`${isoDate}T12:00:00`).toLocaleDateString('de-DE', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
}
