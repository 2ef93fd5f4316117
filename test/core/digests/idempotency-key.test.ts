import { describe, expect, it } from 'vitest';
import { deliveryIdempotencyKey } from '../../../src/core/digests/idempotent-publisher.ts';
import type { Delivery } from '../../../src/core/digests/store-port.ts';

const channel = { platform: 'discord' as const, channelId: '42', workspaceId: 'G1' };
const SLOT = new Date('2025-06-02T00:00:00Z');
const digest = (overrides: Partial<Delivery> = {}) =>
  ({ id: 1, channel, subscriptionId: 7, scheduledAt: SLOT, ...overrides }) as Delivery;

describe('the idempotency key (Discord nonce) of a digest', () => {
  it('is the same for every resend of one digest, whatever ledger row carries it', () => {
    const first = deliveryIdempotencyKey(digest({ id: 1 }));
    // Re-offered as a new row, or the ledger restored and renumbered: still the same digest.
    expect(deliveryIdempotencyKey(digest({ id: 913 }))).toBe(first);
    expect(deliveryIdempotencyKey(digest({ id: 1, state: 'released', attempts: 3 }))).toBe(first);
  });

  it('differs between two different digests, even on one row id', () => {
    const keys = [
      digest(),
      digest({ scheduledAt: new Date('2025-06-09T00:00:00Z') }),
      digest({ subscriptionId: 8 }),
      digest({ channel: { ...channel, channelId: '43' } }),
      digest({ channel: { ...channel, platform: 'slack' } }),
    ].map(deliveryIdempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never shares a key among many digests and fits Discord’s 25-character nonce', () => {
    const keys = new Set<string>();
    for (let subscriptionId = 1; subscriptionId <= 200; subscriptionId++) {
      for (let week = 0; week < 50; week++) {
        const scheduledAt = new Date(SLOT.getTime() + week * 7 * 86_400_000);
        const key = deliveryIdempotencyKey(digest({ id: 1, subscriptionId, scheduledAt }));
        expect(key.length).toBeLessThanOrEqual(25);
        keys.add(key);
      }
    }
    expect(keys.size).toBe(200 * 50);
  });
});
