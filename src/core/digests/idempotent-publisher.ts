import type { ChannelRef, Publisher } from '../ports.ts';
import type { Reply } from '../reply.ts';
import type { Delivery } from './store-port.ts';

/**
 * A Publisher whose platform can refuse a second post with the same key (Discord: `nonce` with
 * `enforce_nonce: true`, checked over the last few minutes). Optional: digests use it when the
 * adapter offers it, and it is what turns "at most one duplicate after a crash between the
 * platform's accept and our confirm" into "none" (docs/decisions/0011-digest-delivery-guarantee.md).
 */
export interface IdempotentPublisher extends Publisher {
  /** Posts, unless a post with this key already went out; then returns that post's id. */
  publishOnce(channel: ChannelRef, reply: Reply, idempotencyKey: string): Promise<{ messageId: string }>;
}

export function isIdempotentPublisher(publisher: Publisher): publisher is IdempotentPublisher {
  return typeof (publisher as Partial<IdempotentPublisher>).publishOnce === 'function';
}

/**
 * The key for one ledger row, the same for whichever replica sends it: at most 25 characters,
 * Discord's limit for a nonce.
 */
export function deliveryIdempotencyKey(delivery: Pick<Delivery, 'id'>): string {
  return `eujp-${delivery.id.toString(36)}`;
}
