import * as v from 'valibot';
import {
	clientEventSchemas,
	type Ack,
	type ClientEvent,
	type ClientEventResults,
	type ClientPayload
} from '../../realtime/contract';
import { DomainError } from '../errors';
import type { RateLimiter } from './rate-limit';
import type { AppSocket } from './types';

type Run<E extends ClientEvent> = (payload: ClientPayload<E>) => ClientEventResults[E] | Promise<ClientEventResults[E]>;
type Options = { limiter?: RateLimiter; limitKey?: () => string | number };

const RATE_LIMITED = 'Sie senden gerade sehr viel auf einmal. Ihre Eingabe wird in wenigen Sekunden erneut gesendet.';
const BROKEN_TEXT = 'Der Text enthält ungültige Zeichen. Bitte tippen Sie ihn neu.';
/** Every payload of the contract is flat; anything nested deeper is refused before validation walks it. */
const MAX_DEPTH = 4;

/**
 * Registers a handler that validates the payload against the contract's schema and always
 * acknowledges: with the result, or with a German error and nothing written.
 */
export function handle<E extends ClientEvent>(socket: AppSocket, name: E, run: Run<E>, options: Options = {}): void {
	const listener = async (payload: unknown, ack: unknown) => {
		if (typeof ack !== 'function') return; // every client event expects an acknowledgement
		const respond = ack as (result: Ack<ClientEventResults[E]>) => void;
		if (options.limiter && !options.limiter.take(options.limitKey?.() ?? socket.id)) {
			respond({ ok: false, error: { code: 'rate-limited', message: RATE_LIMITED } });
			return;
		}
		const shape = inspect(payload);
		if (shape !== 'ok') {
			const message = shape === 'broken-text' ? BROKEN_TEXT : 'Die Eingabe ist ungültig. Bitte laden Sie die Seite neu.';
			respond({ ok: false, error: { code: 'invalid', message } });
			return;
		}
		const parsed = v.safeParse(clientEventSchemas[name], payload);
		if (!parsed.success) {
			respond({ ok: false, error: { code: 'invalid', message: invalidMessage(parsed.issues) } });
			return;
		}
		try {
			respond({ ok: true, data: await run(parsed.output as ClientPayload<E>) });
		} catch (error) {
			if (error instanceof DomainError) {
				respond({ ok: false, error: { code: error.code, message: error.message } });
				return;
			}
			console.error(`[realtime] "${name}" fehlgeschlagen:`, error);
			respond({
				ok: false,
				error: { code: 'server', message: 'Das hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.' }
			});
		}
	};
	socket.on(name, listener as never);
}

/**
 * Text with a lone surrogate (half of an emoji, sent as `\ud83d` in JSON) cannot be stored as
 * UTF-8: SQLite would keep a replacement character instead of what the person sees. Refused here,
 * for every event, along with payloads nested deeper than any message of the contract.
 */
function inspect(value: unknown, depth = 0): 'ok' | 'broken-text' | 'too-deep' {
	if (typeof value === 'string') return value.isWellFormed() ? 'ok' : 'broken-text';
	if (typeof value !== 'object' || value === null) return 'ok';
	if (depth >= MAX_DEPTH) return 'too-deep';
	for (const inner of Object.values(value)) {
		const shape = inspect(inner, depth + 1);
		if (shape !== 'ok') return shape;
	}
	return 'ok';
}

/**
 * The contract's own messages are German and written for people ("höchstens 280 Zeichen");
 * valibot's built-in ones are English ("Invalid type: …") and mean the client is broken.
 */
function invalidMessage(issues: readonly v.BaseIssue<unknown>[]): string {
	const issue = issues[0]!;
	if (!issue.message.startsWith('Invalid ')) return issue.message;
	const field = v.getDotPath(issue);
	return `Die Eingabe ist ungültig${field ? ` (Feld „${field}“)` : ''}. Bitte laden Sie die Seite neu.`;
}
