import { expect, it } from 'vitest';
import type { PendingDigest, Store } from '../../src/core/digests/store-port.ts';
import type { ChannelRef } from '../../src/core/ports.ts';

const channel: ChannelRef = { platform: 'slack', channelId: 'C1', workspaceId: 'T1' };
const at = (iso: string) => new Date(iso);
const SLOT = at('2025-06-02T00:00:00Z');
const pending: PendingDigest = {
  summary: '2 developments',
  advance: { developmentIds: ['dev-a', 'dev-b'], briefingAsOf: { quantum: '2025-05-30' } },
  topics: ['quantum'],
};

/**
 * A delivery attempted across two crashes and never confirmed: the store records it as
 * `unconfirmed` (probably sent) and advances the cursor by the digest the attempt recorded, so
 * the next digest does not repeat it. Called from the Store contract, for every backend.
 */
export function unconfirmedDeliveryContract(getStore: () => Store): void {
  it('settles a delivery never confirmed across restarts as unconfirmed, and moves the cursor past it', async () => {
    const store = getStore();
    const subscription = await store.addSubscription({
      channel,
      schedule: 'weekly mon 09:00',
      cron: '0 9 * * 1',
      timeZone: 'Asia/Tokyo',
      topics: ['quantum'],
      lang: 'en',
      createdAt: at('2025-06-01T00:00:00Z'),
    });
    const claimed = await store.claimDelivery(subscription, SLOT, SLOT, 'a');
    expect(await store.recordAttempt(claimed!.id, at('2025-06-02T00:00:01Z'), 'a', pending)).toBe(true);
    expect(
      await store.recoverClaim(claimed!.id, at('2025-06-02T00:00:01Z'), at('2025-06-02T00:10:00Z'), 'b'),
    ).toBe(true);
    // The second attempt composed nothing new to record; the first one's digest stays.
    expect(await store.recordAttempt(claimed!.id, at('2025-06-02T00:10:01Z'), 'b')).toBe(true);

    await store.settleUnconfirmed(claimed!.id, at('2025-06-02T00:20:00Z'), 'attempted 2 times');
    await store.settleUnconfirmed(claimed!.id, at('2025-06-02T00:30:00Z'), 'attempted 2 times');

    const [row] = await store.listChannelDeliveries(channel, 10);
    expect(row).toMatchObject({
      state: 'unconfirmed',
      reason: 'unconfirmed_after_restart',
      detail: 'attempted 2 times',
      summary: '2 developments',
      owner: null,
      sentAt: null,
    });
    expect(await store.listUnfinishedDeliveries()).toEqual([]);
    const cursor = await store.getDigestCursor(channel);
    expect(cursor?.sentDevelopmentIds.sort()).toEqual(['dev-a', 'dev-b']);
    expect(cursor?.briefingAsOf).toEqual({ quantum: '2025-05-30' });
    // Settled once: a second settle changes nothing. Its slot stands in for when it went out.
    expect(cursor?.digestCount).toBe(1);
    expect(cursor?.lastSentAt).toEqual(SLOT);
  });

  it('settles an unconfirmed delivery with no recorded digest without touching the cursor', async () => {
    const store = getStore();
    const subscription = await store.addSubscription({
      channel,
      schedule: 'daily 09:00',
      cron: '0 9 * * *',
      timeZone: 'UTC',
      topics: [],
      lang: 'en',
      createdAt: at('2025-06-01T00:00:00Z'),
    });
    const claimed = await store.claimDelivery(subscription, SLOT, SLOT, 'a');
    await store.recordAttempt(claimed!.id, SLOT, 'a');
    await store.settleUnconfirmed(claimed!.id, SLOT, 'attempted 1 time');
    expect((await store.listChannelDeliveries(channel, 1))[0]?.state).toBe('unconfirmed');
    expect(await store.getDigestCursor(channel)).toBeUndefined();
  });
}
