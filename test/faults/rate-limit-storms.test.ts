import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/start-discord-adapter.ts';
import type { Core } from '../../src/core/core.ts';
import type { IdempotentPublisher } from '../../src/core/digests/idempotent-publisher.ts';
import type { ChannelRef, Publisher } from '../../src/core/ports.ts';
import type { Reply } from '../../src/core/reply.ts';
import { type SlackHarness, startSlackHarness } from '../adapters/slack/slack-harness.ts';
import { createTempDir } from '../core/digests/digest-fixtures.ts';
import { type Instance, MONDAY_SLOT, startInstance, subscribeAll } from '../core/digests/digest-harness.ts';
import { APP_ID } from '../fakes/discord-interactions.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../fakes/fake-discord-api.ts';
import { createVirtualTime, type VirtualTime } from '../fakes/virtual-time.ts';
import { silentLogger } from '../support/test-core.ts';

// Real publishers (discord.js, Bolt's WebClient) against loopback fakes that answer 429 with an
// absurd Retry-After; the digest service runs on virtual time, so "an hour" is checkable.

const NEXT_MONDAY = new Date(MONDAY_SLOT.getTime() + 7 * 86_400_000);
const CHANNEL_POSTS = /^\/channels\/\d+\/messages$/;
const unusedCore = new Proxy({} as Core, {
  get: () => {
    throw new Error('publishing digests must not use the core');
  },
});

/** Real HTTP takes no virtual time, but virtual time must not jump while it is under way. */
function tracked(time: VirtualTime, publisher: Publisher): Publisher {
  const once = (publisher as IdempotentPublisher).publishOnce?.bind(publisher);
  return {
    platform: publisher.platform,
    publish: (channel, reply) => time.track(publisher.publish(channel, reply)),
    ...(once
      ? {
          publishOnce: (channel: ChannelRef, reply: Reply, key: string) =>
            time.track(once(channel, reply, key)),
        }
      : {}),
  };
}

const discordChannels = (count: number): ChannelRef[] =>
  Array.from({ length: count }, (_, i) => ({
    platform: 'discord',
    channelId: String(1_100_000_000_000_000_200n + BigInt(i)),
    workspaceId: '1100000000000000002',
  }));

async function sentAt(instance: Instance, channels: ChannelRef[]) {
  const times: number[] = [];
  for (const channel of channels) {
    const sent = (await instance.store.listChannelDeliveries(channel, 10)).filter((d) => d.state === 'sent');
    for (const delivery of sent) times.push(delivery.sentAt?.getTime() ?? Number.NaN);
  }
  return times;
}

const statusText = async (instance: Instance, channel: ChannelRef) => {
  const reply = await instance.service.commands.status({ channel, context: { channel }, lang: 'en' });
  return reply.sections.flatMap((s) => [...s.paragraphs, ...s.items.map((i) => i.text)]).join('\n');
};

describe('a 429 asking for far longer than the storm lasts', () => {
  let temp: ReturnType<typeof createTempDir>;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeEach(() => {
    temp = createTempDir();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    temp.cleanup();
  });

  it('Discord: a short global storm with Retry-After 3600 delays digests by the cap, not the hour', async () => {
    const api: FakeDiscordApi = await startFakeDiscordApi();
    const adapter = await startDiscordAdapter({
      token: 'test-token',
      appId: APP_ID,
      apiUrl: api.url,
      core: unusedCore,
      logger: silentLogger,
      login: false,
      rest: { retries: 0, timeout: 2_000 },
    });
    cleanups.push(
      () => api.close(),
      () => adapter.stop(),
    );
    const time = createVirtualTime(new Date(MONDAY_SLOT.getTime() + 1_000));
    const instance = startInstance(temp.path('eujp.sqlite'), time, [tracked(time, adapter.publisher)]);
    cleanups.push(() => instance.store.close());
    const targets = discordChannels(30);
    await subscribeAll(instance.store, targets);
    api.fail({
      method: 'POST',
      path: CHANNEL_POSTS,
      status: 429,
      retryAfterSeconds: 3_600,
      global: true,
      times: 8,
    });

    await time.run(instance.service.runSlot('0 9 * * 1', 'Asia/Tokyo', MONDAY_SLOT));
    await time.runUntil(() => api.find('POST', CHANNEL_POSTS).length >= 8);
    // While held, the channel's status says so, with the wait actually applied.
    expect(await statusText(instance, targets[0]!)).toMatch(/held back for about \d+ s/);
    expect(instance.service.health().pacing.discord).toBeGreaterThan(0);
    await time.run(instance.service.idle());

    const first = await sentAt(instance, targets);
    expect(first).toHaveLength(targets.length);
    // The default cap is 30 s; an honoured hour would put every send an hour out.
    expect(Math.max(...first) - MONDAY_SLOT.getTime()).toBeLessThan(2 * 60_000);

    // The next slot is not refused inside discord.js: every channel is posted to, and gets it.
    const before = api.find('POST', CHANNEL_POSTS).length;
    time.set(new Date(NEXT_MONDAY.getTime() + 1_000));
    await instance.fanOut(NEXT_MONDAY);
    expect(api.find('POST', CHANNEL_POSTS).length - before).toBe(targets.length);
    expect(await sentAt(instance, targets)).toHaveLength(2 * targets.length);
  });

  it('Discord: a route 429 holds only its channel; the others are sent at once', async () => {
    const api: FakeDiscordApi = await startFakeDiscordApi();
    const adapter = await startDiscordAdapter({
      token: 'test-token',
      appId: APP_ID,
      apiUrl: api.url,
      core: unusedCore,
      logger: silentLogger,
      login: false,
      rest: { retries: 0, timeout: 2_000 },
    });
    cleanups.push(
      () => api.close(),
      () => adapter.stop(),
    );
    const time = createVirtualTime(new Date(MONDAY_SLOT.getTime() + 1_000));
    const instance = startInstance(temp.path('eujp.sqlite'), time, [tracked(time, adapter.publisher)]);
    cleanups.push(() => instance.store.close());
    const [limited, ...others] = discordChannels(6);
    await subscribeAll(instance.store, [limited!, ...others]);
    const limitedPath = new RegExp(`^/channels/${limited!.channelId}/messages$`);
    api.fail({ method: 'POST', path: limitedPath, status: 429, retryAfterSeconds: 3_600, times: 1 });

    await instance.fanOut();

    for (const at of await sentAt(instance, others)) expect(at - MONDAY_SLOT.getTime()).toBeLessThan(5_000);
    const [late] = await sentAt(instance, [limited!]);
    expect(late! - MONDAY_SLOT.getTime()).toBeGreaterThanOrEqual(30_000);
    expect(late! - MONDAY_SLOT.getTime()).toBeLessThan(2 * 60_000);
  });

  it('Slack: Retry-After 3,000,000 s holds one workspace for the cap while the other keeps flowing', async () => {
    const harness: SlackHarness = await startSlackHarness();
    cleanups.push(() => harness.stop());
    const time = createVirtualTime(new Date(MONDAY_SLOT.getTime() + 1_000));
    const instance = startInstance(temp.path('eujp.sqlite'), time, [
      tracked(time, harness.adapter.publisher),
    ]);
    cleanups.push(() => instance.store.close());
    const limited: ChannelRef = { platform: 'slack', channelId: 'C1', workspaceId: 'T1' };
    const sameWorkspace: ChannelRef = { platform: 'slack', channelId: 'C2', workspaceId: 'T1' };
    const others: ChannelRef[] = ['D1', 'D2', 'D3'].map((id) => ({
      platform: 'slack',
      channelId: id,
      workspaceId: 'T2',
    }));
    await subscribeAll(instance.store, [limited, sameWorkspace, ...others]);
    harness.api.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 3_000_000 });

    await instance.fanOut();

    const [heldUntil] = await sentAt(instance, [limited]);
    const elsewhere = await sentAt(instance, others);
    expect(elsewhere).toHaveLength(others.length);
    for (const at of elsewhere) expect(at - MONDAY_SLOT.getTime()).toBeLessThan(10_000);
    // Held for the 30-second cap, then sent: not 34 days later.
    expect(heldUntil! - MONDAY_SLOT.getTime()).toBeGreaterThanOrEqual(30_000);
    expect(heldUntil! - MONDAY_SLOT.getTime()).toBeLessThan(2 * 60_000);
    expect(await sentAt(instance, [sameWorkspace])).toHaveLength(1);
  });
});
