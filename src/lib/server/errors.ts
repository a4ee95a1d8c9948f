import type { ErrorCode } from '../realtime/contract';

/** A refusal the person can understand: `message` is German and says what to do. */
export class DomainError extends Error {
	override name = 'DomainError';
	constructor(
		readonly code: ErrorCode,
		message: string
	) {
		super(message);
	}
}
