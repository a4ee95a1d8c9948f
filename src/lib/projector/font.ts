// Source Sans 3 (SIL OFL) from the `source-sans` package, served from this origin: the projector looks and
// breaks lines the same on every laptop, and its narrow letters fit long German compounds.
import boldUrl from 'source-sans/WOFF2/TTF/SourceSans3-Bold.ttf.woff2?url';
import regularUrl from 'source-sans/WOFF2/TTF/SourceSans3-Regular.ttf.woff2?url';

export const PROJECTOR_FONT = 'dialograum-projector';
/** For `<link rel="preload">`, so the text rarely shows in the fallback font first. */
export const PROJECTOR_FONT_FILES = [regularUrl, boldUrl];

let loading: Promise<unknown> | undefined;

/** Adds the projector's font faces once per page; the text shows in a system font until they are there. */
export function loadProjectorFont(): Promise<unknown> {
	loading ??= Promise.all(
		[
			[regularUrl, '400'],
			[boldUrl, '700']
		].map(([url, weight]) => {
			const face = new FontFace(PROJECTOR_FONT, `url(${url}) format('woff2')`, { weight, display: 'swap' });
			document.fonts.add(face);
			return face.load().catch(() => undefined);
		})
	);
	return loading;
}
