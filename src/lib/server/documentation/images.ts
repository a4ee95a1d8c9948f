import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { WordCloudLayout } from '../../wordcloud/types';
import { awarenessChart, chartDescription, type ChartRow } from '../charts/awareness-chart';
import { svgToPng, withoutAlpha } from '../charts/rasterise';
import { photoPath } from '../photos/photos';
import { renderWordCloudPng } from '../wordcloud/render';
import type { ImageData } from './blocks';
import type { ReportPhoto } from './model';

const CHART_SCALE = 2;

/** The Ja/Nein chart, rasterised from the same SVG the preview page shows. */
export async function chartImage(rows: readonly ChartRow[], subject: string): Promise<{ image: ImageData; alt: string }> {
	const chart = awarenessChart(rows, chartDescription(subject, rows));
	const data = await remembered(chart.svg, () => svgToPng(chart.svg, chart.width, chart.height, CHART_SCALE));
	return { image: { format: 'png', data, width: chart.width * CHART_SCALE, height: chart.height * CHART_SCALE }, alt: chart.alt };
}

/** The projector's word cloud as a PNG (without alpha, see svgToPng). */
export async function wordCloudImage(layout: WordCloudLayout): Promise<ImageData> {
	const data = await remembered(JSON.stringify(layout), () => withoutAlpha(sharp(renderWordCloudPng(layout))));
	return { format: 'png', data, width: layout.width, height: layout.height };
}

/** A stored photo (already a small JPEG without metadata), or undefined if its file went missing. */
export function photoImage(dataDir: string, photo: ReportPhoto): ImageData | undefined {
	try {
		return { format: 'jpeg', data: readFileSync(photoPath(dataDir, photo.file)), width: photo.width, height: photo.height };
	} catch (error) {
		console.error(`[dokumentation] Foto ${photo.id} fehlt:`, error instanceof Error ? error.message : error);
		return undefined;
	}
}

// Someone who downloads the DOCX usually fetches the PDF next: the same charts are drawn only once.
const REMEMBERED = 100;
const images = new Map<string, Promise<Buffer>>();

function remembered(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
	let image = images.get(key);
	if (image) {
		images.delete(key);
	} else {
		image = draw();
		image.catch(() => images.delete(key));
	}
	images.set(key, image);
	if (images.size > REMEMBERED) images.delete(images.keys().next().value!);
	return image;
}
