import type { DeliveryState } from '$lib/participant/session.svelte';

/** The words next to every entry: the person always sees whether it has arrived. */
export const deliveryText: Record<DeliveryState, string> = {
	saved: 'gespeichert',
	sending: 'wird gesendet …',
	waiting: 'offline – wird später gesendet'
};
