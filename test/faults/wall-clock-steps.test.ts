import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/start-discord-adapter.ts';
import type { Core } from '../../src/core/core.ts';
import { createDigestService } from '../../src/core/digests/create-digest-service.ts';
import type { ChannelRef } from '../../src/core/ports.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createSqliteStore } from '../../src/storage/sqlite/create-sqlite-store.ts';
import { createLibrary, createTempDir } from '../core/digests/digest-fixtures.ts';
import { MONDAY_SLOT, startInstance, subscribeAll, WEEKLY_TOKYO } from '../core/digests/digest-harness.ts';
import { APP_ID } from '../fakes/discord-interactions.ts';
import { startFakeDiscordApi } from '../fakes/fake-discord-api.ts';
import { createFakePublisher } from '../fakes/fake-publisher.ts';
import { createVirtualTime } from '../fakes/virtual-time.ts';
import { silentLogger } from '../support/test-core.ts';

// NTP stepping a fast clock back, or a VM resumed with an old time: waits and rate windows must
// not stretch by the size of the step, and slots must keep firing.

const MINUTE = 60_000;
const REPLY: Reply = {
  type: 'digest',
  topic: null,
  title: 'Digest',
  summary: 'One thing.',
  sections: [],
  sources: [],
  suggestions: [],
  actions: [],
  visibility: 'public',
  lang: 'en',
};
const HALF_HOUR = 30 * MINUTE;
const discordChannels = (count: number): ChannelRef[] =>
  Array.from({ length: count }, (_, i) => ({
    platform: 'discord',
    channelId: String(1_100_000_000_000_000_300n + BigInt(i)),
    workspaceId: '1100000000000000002',
  }));

describe('a wall clock stepped back', () => {
  let temp: ReturnType<typeof createTempDir>;
  beforeEach(() => {
    temp = createTempDir();
  });
  afterEach(() => {
    vi.useRealTimers();
    temp.cleanup();
  });

  it('does not freeze digest pacing for the size of the step', async () => {
    const time = createVirtualTime(new Date(MONDAY_SLOT.getTime() + 1_000));
    const discord = createFakePublisher({ platform: 'discord', clock: time.clock });
    const instance = startInstance(temp.path('eujp.sqlite'), time, [discord]);
    const targets = discordChannels(80);
    await subscribeAll(instance.store, targets);
    const started = time.clock.monotonicMs?.() ?? 0;

    await time.run(instance.service.runSlot(WEEKLY_TOKYO.cron, WEEKLY_TOKYO.timeZone, MONDAY_SLOT));
    await time.runUntil(() => discord.messages.length >= 30);
    time.stepWallClock(-HALF_HOUR);
    await time.run(instance.service.idle());

    expect(discord.messages).toHaveLength(80);
    // 80 messages at 48 a second take two seconds or so, not the half hour the clock went back.
    expect((time.clock.monotonicMs?.() ?? 0) - started).toBeLessThan(60_000);
    await instance.store.close();
  });

  it('still sends a slot to a channel that subscribed before the clock went back', async () => {
    const time = createVirtualTime(new Date(MONDAY_SLOT.getTime() + 20 * 60_000));
    const discord = createFakePublisher({ platform: 'discord', clock: time.clock });
    const instance = startInstance(temp.path('eujp.sqlite'), time, [discord]);
    const [channel] = discordChannels(1);
    // Subscribed at 09:20 by the (fast) clock, which is then corrected to 08:59:30.
    await subscribeAll(instance.store, [channel!], { createdAt: time.clock.now() });
    time.stepWallClock(-(20 * 60_000 + 30_000));
    time.advance(30_000);

    await instance.fanOut(MONDAY_SLOT);

    expect(discord.messagesTo(channel!.channelId)).toHaveLength(1);
    await instance.store.close();
  });

  it('keeps node-cron firing each slot once, at its wall-clock time, across steps back', async () => {
    vi.useFakeTimers({ now: new Date('2025-06-01T23:50:00Z') }); // Monday 08:50 in Tokyo
    const clock = { now: () => new Date(), monotonicMs: () => performance.now() };
    const slack = createFakePublisher({ platform: 'slack', clock });
    const store = createSqliteStore(temp.path('cron.sqlite'));
    const service = createDigestService({
      store,
      getLibrary: () => createLibrary(),
      clock,
      logger: silentLogger,
      publishers: new Map([['slack', slack]]),
      defaultTimeZone: 'Europe/Brussels',
      leaseMs: 7 * 86_400_000,
    });
    await service.start();
    const channel: ChannelRef = { platform: 'slack', channelId: 'C1', workspaceId: 'T1' };
    await service.commands.subscribe({
      channel,
      context: { channel, canManageChannel: true },
      lang: 'en',
      schedule: { kind: 'weekly', day: 'mon', time: '09:00' },
      timeZone: 'Asia/Tokyo',
      topics: ['quantum'],
    });
    try {
      await vi.advanceTimersByTimeAsync(5 * MINUTE);
      vi.setSystemTime(new Date('2025-06-01T23:50:00Z')); // back to 08:50, timers untouched
      await vi.advanceTimersByTimeAsync(11 * MINUTE);
      expect(slack.messages.map((m) => m.at.toISOString())).toEqual(['2025-06-02T00:00:00.000Z']);
      vi.setSystemTime(new Date('2025-06-01T23:56:00Z')); // back again, past the slot just sent
      await vi.advanceTimersByTimeAsync(10 * MINUTE);
      expect(slack.messages).toHaveLength(1);
    } finally {
      await service.stop();
      await store.close();
    }
  });

  it('does not let discord.js time a channel bucket by the wall clock', async () => {
    const api = await startFakeDiscordApi({ bucketHeaders: { limit: 5, resetAfterSeconds: 0.05 } });
    const adapter = await startDiscordAdapter({
      token: 'test-token',
      appId: APP_ID,
      apiUrl: api.url,
      core: new Proxy({} as Core, {
        get: () => {
          throw new Error('unused');
        },
      }),
      logger: silentLogger,
      login: false,
      rest: { retries: 0, timeout: 2_000 },
    });
    try {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T10:00:00Z') });
      const [channel] = discordChannels(1);
      // Twice: the first answer names the bucket, which discord.js then keeps its count under.
      await adapter.publisher.publish(channel!, REPLY);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await adapter.publisher.publish(channel!, REPLY);
      // The bucket said "empty for 50 ms" at 10:00; at 09:30 discord.js would wait for 10:00:00.05.
      vi.setSystemTime(new Date('2026-12-01T09:30:00Z'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(adapter.publisher.publish(channel!, REPLY)).resolves.toMatchObject({});
      expect(api.find('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(3);
    } finally {
      vi.useRealTimers();
      await adapter.stop();
      await api.close();
    }
  });

  it('does not stall discord.js, whose global budget refills by Date.now()', async () => {
    const api = await startFakeDiscordApi();
    const unusedCore = new Proxy({} as Core, {
      get: () => {
        throw new Error('unused');
      },
    });
    const adapter = await startDiscordAdapter({
      token: 'test-token',
      appId: APP_ID,
      apiUrl: api.url,
      core: unusedCore,
      logger: silentLogger,
      login: false,
      rest: { retries: 0, timeout: 2_000 },
    });
    try {
      // Only Date is faked: the wall clock steps, real timers and sockets run on.
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T10:00:00Z') });

      const channels = discordChannels(70);
      for (const channel of channels.slice(0, 10)) await adapter.publisher.publish(channel, REPLY);
      vi.setSystemTime(new Date('2026-12-01T09:30:00Z'));
      // Without the fix discord.js counts down its 50 a second and then, believing the second
      // ends half an hour from now, refuses every further post.
      const results = await Promise.allSettled(
        channels.slice(10).map((c) => adapter.publisher.publish(c, REPLY)),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(api.find('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(70);
    } finally {
      vi.useRealTimers();
      await adapter.stop();
      await api.close();
    }
  });
});
