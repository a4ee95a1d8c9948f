import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param) => /^[A-Za-z0-9]{3,12}$/.test(param)) satisfies ParamMatcher;
