import type { Ack } from '../../realtime/contract';
import { createRateLimiter } from './rate-limit';
import type { AppSocket } from './types';

const TOO_FAST = 'Sie senden gerade sehr viel auf einmal. Ihre Eingabe wird in wenigen Sekunden erneut gesendet.';
/** Refused messages after which a connection is taken for a script and closed. */
const CLOSE_AFTER = 200;

/**
 * A budget of messages per connection, whatever they are (unknown events, invalid payloads,
 * projector or control requests): beyond it a message is answered with `rate-limited` and not
 * handled at all. Far above what a phone, the projector or the control surface send; a connection
 * that keeps flooding is closed. Submissions also have their own, tighter limit per device.
 */
export function createFloodGuard({ burst = 60, perSecond = 20 } = {}) {
	const limiter = createRateLimiter({ burst, perSecond });
	return {
		attach(socket: AppSocket) {
			let refused = 0;
			socket.use((packet, next) => {
				if (limiter.take(socket.id)) return next();
				const ack = packet.at(-1);
				if (typeof ack === 'function') (ack as (a: Ack<never>) => void)({ ok: false, error: { code: 'rate-limited', message: TOO_FAST } });
				if (++refused >= CLOSE_AFTER) socket.disconnect(true);
			});
		},
		stop: () => limiter.stop()
	};
}
