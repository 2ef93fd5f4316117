import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/core/ports.ts';
import { createFakePublisher } from '../../fakes/fake-publisher.ts';
import { createVirtualTime } from '../../fakes/virtual-time.ts';
import { createTempDir } from './digest-fixtures.ts';
import { channels, type Instance, MONDAY_SLOT, startInstance, subscribeAll } from './digest-harness.ts';

const MINUTE = 60_000;

/** Two digest services on one database file: two replicas, or a restart that overlaps the old process. */
describe('claims held by a replica', () => {
  let temp: ReturnType<typeof createTempDir>;
  let file: string;
  const instances: Instance[] = [];
  const start = (...args: Parameters<typeof startInstance>) => {
    const instance = startInstance(...args);
    instances.push(instance);
    return instance;
  };

  beforeEach(() => {
    temp = createTempDir();
    file = temp.path('eujp.sqlite');
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.store.close();
    temp.cleanup();
  });

  it('stay with a live replica waiting out a backoff longer than the lease: nobody else sends them', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slackA = createFakePublisher({ platform: 'slack', clock: time.clock });
    const slackB = createFakePublisher({ platform: 'slack', clock: time.clock });
    const a = start(file, time, [slackA], { replicaId: 'a' });
    await time.run(a.service.start());
    // Running before the claim exists: a start on a SQLite file takes every claim it finds at
    // once (its previous life's), so only B's sweeps, which wait for the lease, are the test here.
    const b = start(file, time, [slackB], { replicaId: 'b' });
    await time.run(b.service.start());
    await subscribeAll(a.store, channels('slack', 1));
    // Slack asks for twelve minutes' patience: several times the two-minute lease.
    slackA.failNext('slack-1', new DeliveryError('rate_limited', '429', 12 * MINUTE));
    void a.service.runSlot('0 9 * * 1', 'Asia/Tokyo', MONDAY_SLOT);
    await time.runUntil(() => slackA.publishCalls === 1);

    // Seven minutes step by step, every renewal and every sweep of both in its turn.
    const until = time.nowMs() + 7 * MINUTE;
    await time.runUntil(() => time.nowMs() >= until);
    expect(slackB.publishCalls).toBe(0);

    await time.runUntil(() => slackA.messages.length === 1);
    const [row] = await a.store.listChannelDeliveries({ platform: 'slack', channelId: 'slack-1' }, 1);
    expect(row).toMatchObject({ state: 'sent', owner: 'a', recoveries: 0, attempts: 2 });
    await time.run(Promise.all([a.service.stop(), b.service.stop()]));
  });

  it('never publish from a replica that lost its lease to another one, which sends it instead', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slackA = createFakePublisher({ platform: 'slack', clock: time.clock });
    const slackB = createFakePublisher({ platform: 'slack', clock: time.clock });
    // Never started, so nothing renews its claims: a replica frozen or cut off from the database.
    const a = start(file, time, [slackA], { replicaId: 'a' });
    await subscribeAll(a.store, channels('slack', 1));
    slackA.failNext('slack-1', new DeliveryError('rate_limited', '429', 10 * MINUTE));
    void a.service.runSlot('0 9 * * 1', 'Asia/Tokyo', MONDAY_SLOT);

    await time.runUntil(() => slackA.publishCalls === 1);
    time.advance(6 * MINUTE);
    const b = start(file, time, [slackB], { replicaId: 'b' });
    await time.run(b.service.start().then(() => b.service.idle()));
    expect(slackB.messages).toHaveLength(1);

    await time.run(a.service.idle()); // a wakes up, finds the claim is b's, and lets it be
    expect(slackA.messages).toHaveLength(0);
    expect(slackA.publishCalls).toBe(1);
    const [row] = await a.store.listChannelDeliveries({ platform: 'slack', channelId: 'slack-1' }, 1);
    expect(row).toMatchObject({ state: 'sent', owner: 'b', recoveries: 1 });
    await time.run(b.service.stop());
  });
});

describe('a restart on a SQLite file', () => {
  let temp: ReturnType<typeof createTempDir>;
  beforeEach(() => {
    temp = createTempDir();
  });
  afterEach(() => temp.cleanup());

  it('takes up the claims its previous life left at once, without waiting out their lease', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const file = temp.path('eujp.sqlite');
    const restarted = startInstance(file, time, [slack], { replicaId: 'after-restart' });
    const [subscription] = await subscribeAll(restarted.store, channels('slack', 1));
    // What a killed process leaves: a fresh claim under its own name, never published.
    await restarted.store.claimDelivery(subscription!, MONDAY_SLOT, time.clock.now(), 'killed-process');
    const startedAt = time.nowMs();
    await time.run(restarted.service.start().then(() => restarted.service.idle()));
    expect(slack.messagesTo('slack-1')).toHaveLength(1);
    expect(time.nowMs() - startedAt).toBeLessThan(MINUTE);
    await time.run(restarted.service.stop());
    await restarted.store.close();
  });
});
