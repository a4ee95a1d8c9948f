import { printMaterials } from '$lib/server/print/print-materials';
import { printResponse } from '$lib/server/print/print-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (request) => printResponse(request, 'plakat-und-tischkarten', printMaterials);
