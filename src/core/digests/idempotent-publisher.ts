import { createHash } from 'node:crypto';
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
 * The key for one digest: derived from its natural key (channel, subscription, scheduled time),
 * never from the ledger row's id, so a row offered again, restored from a backup or numbered
 * anew by another database still gets the key of its first send, and a reused id cannot match an
 * earlier, different digest. 25 characters, Discord's limit for a nonce: `eujp-` and the first
 * 120 bits of a SHA-256 in base64url, far beyond any chance collision among a bot's digests.
 */
export function deliveryIdempotencyKey(
  delivery: Pick<Delivery, 'channel' | 'subscriptionId' | 'scheduledAt'>,
): string {
  const { platform, channelId } = delivery.channel;
  const natural = [platform, channelId, delivery.subscriptionId, delivery.scheduledAt.toISOString()].join(
    '\n',
  );
  return `eujp-${createHash('sha256').update(natural).digest('base64url').slice(0, 20)}`;
}
