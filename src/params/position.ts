import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param) => /^[1-9][0-9]{0,2}$/.test(param)) satisfies ParamMatcher;
