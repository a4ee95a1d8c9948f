import { eventDocumentResponse } from '$lib/server/documentation/downloads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (request) => eventDocumentResponse(request, 'docx');
