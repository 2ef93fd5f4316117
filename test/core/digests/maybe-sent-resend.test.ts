import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChannelRef, DeliveryError, type Publisher } from '../../../src/core/ports.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { createFakePublisher, type FakePublisher } from '../../fakes/fake-publisher.ts';
import { createVirtualTime } from '../../fakes/virtual-time.ts';
import { createTempDir } from './digest-fixtures.ts';
import {
  channels,
  type Instance,
  MONDAY_SLOT,
  startInstance,
  subscribeAll,
  WEEKLY_TOKYO,
} from './digest-harness.ts';

const CHANNEL = { platform: 'slack' as const, channelId: 'slack-1' };

/** Slack as a client timeout or a 500 after the post landed: the message is there, the answer lost. */
function landingThenTimingOut(platform: FakePublisher): Publisher {
  return {
    platform: platform.platform,
    async publish(channel: ChannelRef, reply: Reply) {
      await platform.publish(channel, reply);
      throw new DeliveryError('ambiguous', 'Slack request failed: timeout');
    },
  };
}

describe('a publish that may have landed (timeout, reset, 5xx)', () => {
  let temp: ReturnType<typeof createTempDir>;
  const instances: Instance[] = [];
  beforeEach(() => {
    temp = createTempDir();
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.store.close();
    temp.cleanup();
  });

  it('is resent at most once, then recorded as probably sent with an honest reason', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const instance = startInstance(temp.path('eujp.sqlite'), time, [landingThenTimingOut(slack)]);
    instances.push(instance);
    await subscribeAll(instance.store, channels('slack', 1));
    await instance.fanOut();
    // Six transient retries used to post six copies; now the first and one resend.
    expect(slack.messagesTo('slack-1')).toHaveLength(2);
    const [row] = await instance.store.listChannelDeliveries(CHANNEL, 1);
    expect(row).toMatchObject({ state: 'unconfirmed', reason: 'maybe_sent_twice', maybeSent: 2 });
    // The cursor moved past what probably went out: next week's digest does not repeat it.
    expect((await instance.store.getDigestCursor(CHANNEL))?.sentDevelopmentIds.length).toBeGreaterThan(0);
  });

  it('keeps its ambiguity through a graceful stop in the backoff: the next process resends it once at most', async () => {
    const file = temp.path('eujp.sqlite');
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const first = startInstance(file, time, [landingThenTimingOut(slack)], { replicaId: 'first' });
    instances.push(first);
    await subscribeAll(first.store, channels('slack', 1));
    void first.service.runSlot(WEEKLY_TOKYO.cron, WEEKLY_TOKYO.timeZone, MONDAY_SLOT);
    await time.runUntil(() => slack.messages.length === 1);
    // Stopped while waiting to retry: the row goes back to the ledger, but not as a fresh one.
    await time.run(first.service.stop());
    const [released] = await first.store.listChannelDeliveries(CHANNEL, 1);
    expect(released).toMatchObject({ state: 'released', maybeSent: 1 });

    const second = startInstance(file, time, [landingThenTimingOut(slack)], { replicaId: 'second' });
    instances.push(second);
    await time.run(second.service.start().then(() => second.service.idle()));
    expect(slack.messagesTo('slack-1')).toHaveLength(2);
    const [row] = await second.store.listChannelDeliveries(CHANNEL, 1);
    expect(row).toMatchObject({ state: 'unconfirmed', reason: 'maybe_sent_twice' });
    await time.run(second.service.stop());
  });

  it('is sent normally once the resend is answered', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    let calls = 0;
    const flaky: Publisher = {
      platform: 'slack',
      async publish(channel, reply) {
        const result = await slack.publish(channel, reply);
        if (++calls === 1) throw new DeliveryError('ambiguous', 'Slack: internal_error');
        return result;
      },
    };
    const instance = startInstance(temp.path('eujp.sqlite'), time, [flaky]);
    instances.push(instance);
    await subscribeAll(instance.store, channels('slack', 1));
    await instance.fanOut();
    expect(slack.messagesTo('slack-1')).toHaveLength(2);
    const [row] = await instance.store.listChannelDeliveries(CHANNEL, 1);
    expect(row).toMatchObject({ state: 'sent', maybeSent: 1 });
  });
});
