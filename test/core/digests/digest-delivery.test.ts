import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../../../src/core/digests/rate-limiter.ts';
import { type ChannelRef, DeliveryError } from '../../../src/core/ports.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { createFakePublisher } from '../../fakes/fake-publisher.ts';
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

const statusTexts = async (instance: Instance, channel: ChannelRef) => {
  const reply = await instance.service.commands.status({ channel, context: { channel }, lang: 'en' });
  return reply.sections.flatMap((section) => [
    ...section.paragraphs,
    ...section.items.map((item) => item.text),
  ]);
};

/** The development lines of a digest ("2025-05-30 · …"), not the state-of-play lines every digest repeats. */
const itemTexts = (reply: Reply | undefined) =>
  (reply?.sections ?? [])
    .filter((section) => section.items.some((item) => item.date))
    .flatMap((section) => section.items.map((item) => `${item.date ?? ''} ${item.text}`));

describe('delivering digests', () => {
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

  it('sends every subscribed channel its digest once, and a repeated slot sends nothing more', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({
      platform: 'slack',
      clock: time.clock,
      rules: DEFAULT_RATE_LIMITS.slack,
    });
    const discord = createFakePublisher({
      platform: 'discord',
      clock: time.clock,
      rules: DEFAULT_RATE_LIMITS.discord,
    });
    const instance = start(file, time, [slack, discord]);
    const targets = [...channels('slack', 5), ...channels('discord', 3)];
    await subscribeAll(instance.store, targets);

    await instance.fanOut();
    await instance.fanOut();

    for (const channel of targets) {
      const publisher = channel.platform === 'slack' ? slack : discord;
      expect(publisher.messagesTo(channel.channelId)).toHaveLength(1);
    }
    const [message] = slack.messages;
    expect(message?.reply).toMatchObject({
      type: 'digest',
      visibility: 'public',
      title: 'EU–Japan digital digest',
    });
    expect(message?.reply.sections[0]?.items.map((item) => item.text)).toContain('council-3 happened');
    expect(await statusTexts(instance, targets[0]!)).toContain(
      'Mon, 2 June 2025 at 09:00 (Asia/Tokyo): 1 development',
    );
  });

  it('tells a channel only what is new in its next digest', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const instance = start(file, time, [slack]);
    await subscribeAll(instance.store, channels('slack', 1));
    await instance.fanOut();
    time.set('2025-06-09T00:00:01Z');
    await instance.fanOut(new Date('2025-06-09T00:00:00Z'));
    const [first, second] = slack.messagesTo('slack-1');
    expect(first?.reply.sections[0]?.heading).toBe('New in the last 30 days');
    expect(second?.reply.sections[0]?.paragraphs).toEqual([
      'Nothing new since the last digest (2 June 2025).',
      'Latest development on record (12 May 2025): council-3 happened',
    ]);
  });

  it('paces a fan-out within Slack’s limits, so the platform answers no 429 at all', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({
      platform: 'slack',
      clock: time.clock,
      rules: DEFAULT_RATE_LIMITS.slack,
    });
    const instance = start(file, time, [slack]);
    const targets = channels('slack', 120);
    await subscribeAll(instance.store, targets);
    await instance.fanOut();
    expect(slack.messages).toHaveLength(120);
    expect(slack.rateLimitedCount).toBe(0);
  });

  it('neither repeats nor loses a digest when the bot crashes in the middle of a fan-out', async () => {
    const before = createVirtualTime('2025-06-02T00:00:01Z');
    const slackBefore = createFakePublisher({ platform: 'slack', clock: before.clock });
    const first = start(file, before, [slackBefore]);
    const targets = channels('slack', 10);
    await subscribeAll(first.store, targets);
    slackBefore.holdAfter(4);
    void first.service.runSlot('0 9 * * 1', 'Asia/Tokyo', MONDAY_SLOT);
    await before.runUntil(() => slackBefore.held.length === 6);
    await first.store.close(); // the process dies: no stop(), six publishes never reached Slack

    const after = createVirtualTime('2025-06-02T00:10:00Z'); // back ten minutes later, past the lease
    const slackAfter = createFakePublisher({ platform: 'slack', clock: after.clock });
    const second = start(file, after, [slackAfter]);
    await after.run(second.service.start().then(() => second.service.idle()));

    for (const { channelId } of targets) {
      const sent = [...slackBefore.messagesTo(channelId), ...slackAfter.messagesTo(channelId)];
      expect(sent, channelId).toHaveLength(1);
    }
    expect(slackBefore.messages).toHaveLength(4);
    await second.service.stop();
  });

  it('takes over every claim a crash left behind on restart, however many there are', async () => {
    const before = createVirtualTime('2025-06-02T00:00:01Z');
    const slackBefore = createFakePublisher({ platform: 'slack', clock: before.clock });
    const first = start(file, before, [slackBefore]);
    const targets = channels('slack', 1_100); // more than one page of stale claims
    await subscribeAll(first.store, targets);
    slackBefore.holdAfter(0);
    void first.service.runSlot('0 9 * * 1', 'Asia/Tokyo', MONDAY_SLOT);
    await before.runUntil(() => slackBefore.held.length === 16);
    await first.store.close();

    const after = createVirtualTime('2025-06-02T00:10:00Z');
    const slackAfter = createFakePublisher({ platform: 'slack', clock: after.clock });
    const second = start(file, after, [slackAfter], { rateLimits: { slack: [] } });
    await after.run(second.service.start().then(() => second.service.idle()));
    expect(slackBefore.messages).toHaveLength(0);
    expect(new Set(slackAfter.messages.map((message) => message.channel.channelId)).size).toBe(1_100);
    expect(slackAfter.messages).toHaveLength(1_100);
    await after.run(second.service.stop());
  });

  it('resends a digest the platform accepted just before a crash at most once, never a second time', async () => {
    const runs = ['2025-06-02T00:00:01Z', '2025-06-02T00:10:00Z', '2025-06-02T00:20:00Z'];
    const posted: number[] = [];
    const firstItems: string[] = [];
    for (const [index, at] of runs.entries()) {
      const time = createVirtualTime(at);
      const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
      slack.holdMode = 'after_platform'; // Slack posts it, then we die before recording that
      slack.holdAfter(0);
      const instance = start(file, time, [slack]);
      if (index === 0) {
        await subscribeAll(instance.store, channels('slack', 1));
        void instance.service.runSlot('0 9 * * 1', 'Asia/Tokyo', MONDAY_SLOT);
      } else {
        await time.run(instance.service.start());
      }
      if (index < runs.length - 1) await time.runUntil(() => slack.held.length === 1);
      posted.push(slack.messages.length);
      if (index === 0) firstItems.push(...itemTexts(slack.messages[0]?.reply));
      if (index < runs.length - 1) {
        await instance.store.close();
        continue;
      }
      // Honest: it probably went out (twice), so it is neither "failed" nor sent again…
      const status = await statusTexts(instance, { platform: 'slack', channelId: 'slack-1' });
      expect(status).toContain(
        'Mon, 2 June 2025 at 09:00 (Asia/Tokyo): probably sent (1 development), but the platform’s answer was lost in two restarts; not resent to avoid a duplicate',
      );
      expect(status.join('\n')).not.toMatch(/failed/);
      expect(status).toContain(
        'Mon, 2 June 2025 at 09:00 (Asia/Tokyo): 1 development (probably sent; not confirmed by the platform)',
      );
      // …and the next digest does not repeat what it carried.
      slack.holdAfter(Number.POSITIVE_INFINITY);
      time.set('2025-06-09T00:00:01Z');
      await time.run(instance.service.runSlot('0 9 * * 1', 'Asia/Tokyo', new Date('2025-06-09T00:00:00Z')));
      await time.run(instance.service.idle());
      const next = itemTexts(slack.messages[0]?.reply);
      expect(firstItems.length).toBeGreaterThan(0);
      expect(next.filter((item) => firstItems.includes(item) && /^\d{4}-/.test(item))).toEqual([]);
      await time.run(instance.service.stop());
    }
    expect(posted).toEqual([1, 1, 0]);
  });

  it('releases unsent deliveries on a graceful shutdown and sends them, once, on the next start', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const first = start(file, time, [slack], { concurrencyPerPlatform: 2 });
    const targets = channels('slack', 6);
    await subscribeAll(first.store, targets);
    slack.failNext('*', new DeliveryError('transient', 'HTTP 503'), 2);
    void first.service.runSlot('0 9 * * 1', 'Asia/Tokyo', MONDAY_SLOT);
    // Both workers failed once and wait in backoff; four deliveries are still queued.
    await time.runUntil(() => slack.publishCalls === 2);
    await time.run(first.service.stop());
    expect(slack.messages).toHaveLength(0);
    const released = await first.store.listUnfinishedDeliveries();
    expect(released.map((delivery) => delivery.state)).toEqual(Array(6).fill('released'));
    await first.store.close();

    const second = start(file, time, [slack]);
    await time.run(second.service.start().then(() => second.service.idle()));
    for (const { channelId } of targets) expect(slack.messagesTo(channelId), channelId).toHaveLength(1);
    await time.run(second.service.stop());
  });

  it('sends a digest missed while down once on start when within the catch-up window', async () => {
    const time = createVirtualTime('2025-06-02T01:00:00Z'); // up again an hour after Monday 09:00 JST
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const first = start(file, time, [slack]);
    await subscribeAll(first.store, channels('slack', 1), { createdAt: new Date('2025-05-28T00:00:00Z') });
    await time.run(first.service.start().then(() => first.service.idle()));
    await time.run(first.service.stop());
    time.advance(60_000);
    const second = start(file, time, [slack]);
    await time.run(second.service.start().then(() => second.service.idle()));
    expect(slack.messagesTo('slack-1')).toHaveLength(1);
    await time.run(second.service.stop());
  });

  it('records a digest missed beyond the catch-up window as skipped, and status says why', async () => {
    const time = createVirtualTime('2025-06-02T07:00:00Z'); // seven hours late
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const instance = start(file, time, [slack]);
    await subscribeAll(instance.store, channels('slack', 1), { createdAt: new Date('2025-05-28T00:00:00Z') });
    await time.run(instance.service.start().then(() => instance.service.idle()));
    expect(slack.messages).toHaveLength(0);
    expect(await statusTexts(instance, { platform: 'slack', channelId: 'slack-1' })).toContain(
      'Mon, 2 June 2025 at 09:00 (Asia/Tokyo): skipped, the bot was offline and it was too late to send',
    );
    await time.run(instance.service.stop());
  });

  it('stops sending to a channel that is gone and disables its subscription, with the reason', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const discord = createFakePublisher({ platform: 'discord', clock: time.clock });
    const instance = start(file, time, [discord]);
    const [kept, gone] = channels('discord', 2);
    await subscribeAll(instance.store, [kept!, gone!]);
    discord.removeChannel(gone!.channelId);
    await instance.fanOut();
    time.set('2025-06-09T00:00:01Z');
    await instance.fanOut(new Date('2025-06-09T00:00:00Z'));

    expect(discord.messagesTo(kept!.channelId)).toHaveLength(2);
    const [subscription] = await instance.store.listChannelSubscriptions(gone!);
    expect(subscription).toMatchObject({ enabled: false, disabledReason: 'channel_gone' });
    const ledger = await instance.store.listChannelDeliveries(gone!, 10);
    expect(ledger.map((row) => [row.state, row.reason, row.attempts])).toEqual([
      ['failed', 'channel_gone', 1],
    ]);
    const status = await statusTexts(instance, gone!);
    expect(status).toContain(
      'disabled: the channel is gone or the bot was removed from it (channel_not_found)',
    );
    expect(status).toContain('Nothing is scheduled.');
  });

  it('rides out a storm of 429s with Retry-After: every digest arrives, none twice', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const discord = createFakePublisher({
      platform: 'discord',
      clock: time.clock,
      rules: DEFAULT_RATE_LIMITS.discord,
    });
    const instance = start(file, time, [discord]);
    const targets = channels('discord', 20);
    await subscribeAll(instance.store, targets);
    discord.failNext('*', new DeliveryError('rate_limited', '429', 1_500), 60);
    await instance.fanOut();
    for (const { channelId } of targets) expect(discord.messagesTo(channelId), channelId).toHaveLength(1);
    const ledger = await instance.store.listChannelDeliveries(targets[0]!, 10);
    expect(ledger.map((row) => row.state)).toEqual(['sent']);
  });

  it('retries a transient failure with backoff and then sends', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const instance = start(file, time, [slack]);
    await subscribeAll(instance.store, channels('slack', 1));
    slack.failNext('slack-1', new DeliveryError('transient', 'HTTP 503'), 3);
    await instance.fanOut();
    expect(slack.messagesTo('slack-1')).toHaveLength(1);
    const [row] = await instance.store.listChannelDeliveries({ platform: 'slack', channelId: 'slack-1' }, 1);
    expect([row?.state, row?.attempts]).toEqual(['sent', 4]);
    // 2 s, 4 s, 8 s of backoff (half fixed, half jitter at 0.5) before the fourth attempt.
    expect(row!.sentAt!.getTime() - MONDAY_SLOT.getTime()).toBeGreaterThanOrEqual(
      1_000 + 1_500 + 3_000 + 6_000,
    );
  });

  it('records a permanent refusal and a transient error that never clears as failed, with reasons', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const instance = start(file, time, [slack]);
    const [refused, flaky] = channels('slack', 2);
    await subscribeAll(instance.store, [refused!, flaky!]);
    slack.failNext(refused!.channelId, new DeliveryError('permanent', 'msg_too_long'));
    slack.failNext(flaky!.channelId, new DeliveryError('transient', 'HTTP 502'), 100);
    await instance.fanOut();
    const [refusedRow] = await instance.store.listChannelDeliveries(refused!, 1);
    const [flakyRow] = await instance.store.listChannelDeliveries(flaky!, 1);
    expect([refusedRow?.state, refusedRow?.reason, refusedRow?.attempts]).toEqual([
      'failed',
      'permanent_error',
      1,
    ]);
    expect([flakyRow?.state, flakyRow?.reason, flakyRow?.attempts]).toEqual([
      'failed',
      'retries_exhausted',
      6,
    ]);
    expect(await statusTexts(instance, flaky!)).toContain(
      'Mon, 2 June 2025 at 09:00 (Asia/Tokyo): failed, the platform kept failing after several retries (HTTP 502)',
    );
    // A failed digest does not disable the subscription: the next one is tried again.
    expect((await instance.store.listChannelSubscriptions(flaky!))[0]?.enabled).toBe(true);
  });

  it('skips a claimed digest whose subscription was removed before it went out', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const instance = start(file, time, [slack]);
    const [subscription] = await subscribeAll(instance.store, channels('slack', 1));
    const claimed = await instance.store.claimDelivery(subscription!, MONDAY_SLOT, time.clock.now());
    await instance.store.removeSubscriptions([subscription!.id]);
    await time.run(instance.service.start().then(() => instance.service.idle()));
    expect(claimed).toBeDefined();
    expect(slack.messages).toHaveLength(0);
  });

  it('still catches up every other channel when one stored subscription can no longer be read', async () => {
    const time = createVirtualTime('2025-06-02T01:00:00Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const instance = start(file, time, [slack]);
    const [broken, fine] = channels('slack', 2);
    const createdAt = new Date('2025-05-28T00:00:00Z');
    await subscribeAll(instance.store, [broken!], {
      createdAt,
      schedule: { ...WEEKLY_TOKYO, timeZone: 'Gone/Zone' },
    });
    await subscribeAll(instance.store, [fine!], { createdAt });
    await time.run(instance.service.start().then(() => instance.service.idle()));
    expect(slack.messagesTo(fine!.channelId)).toHaveLength(1);
    await time.run(instance.service.stop());
  });

  it('lets a publish already under way finish during a graceful shutdown, and records it as sent', async () => {
    const time = createVirtualTime('2025-06-02T00:00:01Z');
    const slack = createFakePublisher({ platform: 'slack', clock: time.clock });
    const instance = start(file, time, [slack]);
    const [channel] = channels('slack', 1);
    await subscribeAll(instance.store, [channel!]);
    slack.holdAfter(0);
    void instance.service.runSlot('0 9 * * 1', 'Asia/Tokyo', MONDAY_SLOT);
    await time.runUntil(() => slack.held.length === 1);
    const stopping = instance.service.stop();
    slack.held[0]?.accept(); // Slack answers while the bot waits out its grace period
    await time.run(stopping);
    const [row] = await instance.store.listChannelDeliveries(channel!, 1);
    expect(row?.state).toBe('sent');
    expect(slack.messagesTo(channel!.channelId)).toHaveLength(1);
  });
});
