import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/digests/store-port.ts';
import { createSqliteStore } from '../../src/storage/sqlite/create-sqlite-store.ts';
import { createTempDir } from '../core/digests/digest-fixtures.ts';
import { channels, MONDAY_SLOT, startInstance, subscribeAll } from '../core/digests/digest-harness.ts';
import { createFakePublisher, type FakePublisher } from '../fakes/fake-publisher.ts';
import { createVirtualTime, type VirtualTime } from '../fakes/virtual-time.ts';

const MINUTE = 60_000;
const CHANNEL = { platform: 'slack' as const, channelId: 'slack-1' };

/** The real store, with `method` throwing once as a Postgres failover or SQLITE_BUSY would. */
function failingOnce(store: Store, method: keyof Store): Store {
  let failed = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property !== method) return value.bind(target);
      return async (...args: unknown[]) => {
        if (!failed) {
          failed = true;
          throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        }
        return value.apply(target, args);
      };
    },
  });
}

describe('a store error in the middle of a delivery', () => {
  let temp: ReturnType<typeof createTempDir>;
  let time: VirtualTime;
  let slack: FakePublisher;
  const stores: Store[] = [];
  /** A digest service on `store` (a real SQLite file underneath), replica `a`. */
  const open = (store?: (real: Store) => Store) => {
    const real = createSqliteStore(temp.path('eujp.sqlite'));
    stores.push(real);
    const instance = startInstance(temp.path('eujp.sqlite'), time, [slack], {
      replicaId: 'a',
      store: store ? store(real) : real,
    });
    stores.push(instance.store);
    return { ...instance, store: real };
  };

  beforeEach(() => {
    temp = createTempDir();
    time = createVirtualTime('2025-06-02T00:00:01Z');
    slack = createFakePublisher({ platform: 'slack', clock: time.clock });
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    temp.cleanup();
  });

  for (const method of ['getSubscription', 'getDigestCursor', 'recordAttempt'] as const) {
    it(`sends the digest once, in the same fan-out, when ${method} fails once`, async () => {
      // Not started: no background retry runs, so only the delivery itself can get it out.
      const a = open((real) => failingOnce(real, method));
      await subscribeAll(a.store, channels('slack', 1));
      await a.fanOut();
      expect(slack.messagesTo('slack-1')).toHaveLength(1);
      const [row] = await a.store.listChannelDeliveries(CHANNEL, 1);
      expect(row).toMatchObject({ state: 'sent', attempts: 1 });
    });
  }

  it('lets a claim this process forgot go stale, so its own sweep takes it up and sends it', async () => {
    const a = open();
    await time.run(a.service.start());
    const [subscription] = await subscribeAll(a.store, channels('slack', 1));
    // Claimed under this replica's name but held nowhere in its memory: what a delivery that
    // threw leaves behind. Renewing it with the rest would keep it claimed and unsent for ever.
    await a.store.claimDelivery(subscription!, MONDAY_SLOT, time.clock.now(), 'a');
    await time.runUntil(() => slack.messages.length === 1);
    const [row] = await a.store.listChannelDeliveries(CHANNEL, 1);
    expect(row).toMatchObject({ state: 'sent', recoveries: 1 });
    expect(time.nowMs() - MONDAY_SLOT.getTime()).toBeLessThan(10 * MINUTE);
    await time.run(a.service.stop());
  });

  it('shows a digest that is overdue and not sent in status, with why', async () => {
    const a = open();
    const [subscription] = await subscribeAll(a.store, channels('slack', 1));
    await a.store.claimDelivery(subscription!, MONDAY_SLOT, time.clock.now(), 'gone-process');
    time.advance(30 * MINUTE);
    const status = await a.service.commands.status({
      channel: { ...CHANNEL, workspaceId: 'W1' },
      context: { channel: { ...CHANNEL, workspaceId: 'W1' }, userId: 'U1', canManageChannel: true },
      lang: 'en',
    });
    const problems = status.sections?.find((section) => section.heading === 'Skipped or failed');
    expect(problems?.items.map((item) => item.text).join('\n')).toMatch(/not sent yet/);
  });
});
