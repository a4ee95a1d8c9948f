import { fail, type ActionFailure } from '@sveltejs/kit';
import * as v from 'valibot';
import { DomainError } from './errors';

export type FormProblem = {
	/** Which form on the page the problem belongs to (pages with many small forms). */
	form?: string;
	message?: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
};

/**
 * Reads a form into the shape `schema` expects: fields named `contacts.0.name` become nested
 * objects and arrays. Fails with German messages per field and the values as typed, to show again;
 * `form` (or a hidden field named `form`) says which form on the page the failure belongs to.
 */
export async function readForm<S extends v.GenericSchema>(
	request: Request,
	schema: S,
	form?: string
): Promise<{ ok: true; data: v.InferOutput<S> } | { ok: false; failure: ActionFailure<FormProblem> }> {
	const values: Record<string, string> = {};
	for (const [key, value] of (await request.formData()).entries()) {
		if (typeof value === 'string') values[key] = value;
	}
	const parsed = v.safeParse(schema, nest(values));
	if (parsed.success) return { ok: true, data: parsed.output };
	const errors: Record<string, string> = {};
	for (const issue of parsed.issues) errors[v.getDotPath(issue) ?? ''] ??= issue.message;
	return {
		ok: false,
		failure: fail(400, { form: form ?? values.form, errors, values, message: 'Bitte prüfen Sie die markierten Angaben.' })
	};
}

/** A refusal from a context becomes a German message on the page; anything else is a real error. */
export function refused(error: unknown, form?: string): ActionFailure<FormProblem> {
	if (error instanceof DomainError) return fail(error.code === 'not-found' ? 404 : 400, { form, message: error.message });
	throw error;
}

function nest(flat: Record<string, string>): Record<string, unknown> {
	const root: Record<string, unknown> = {};
	for (const [path, value] of Object.entries(flat)) {
		const keys = path.split('.');
		if (keys.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype')) continue;
		let node: Record<string, unknown> = root;
		keys.forEach((key, i) => {
			if (i === keys.length - 1) node[key] = value;
			else node = (node[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {}) as Record<string, unknown>;
		});
	}
	return root;
}
