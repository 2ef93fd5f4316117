import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BriefingLibrary } from '../src/core/briefings/briefing.ts';
import { loadBriefingLibrary } from '../src/core/briefings/load-briefing-library.ts';
import { createDigestService, type DigestService } from '../src/core/digests/create-digest-service.ts';
import { DEFAULT_RATE_LIMITS } from '../src/core/digests/rate-limiter.ts';
import type { Store } from '../src/core/digests/store-port.ts';
import type { ChannelRef, Platform, Publisher } from '../src/core/ports.ts';
import { createSqliteStore } from '../src/storage/sqlite/create-sqlite-store.ts';
import {
  createFakePublisher,
  type FakePublisher,
  PLATFORM_ENFORCED_LIMITS,
} from '../test/fakes/fake-publisher.ts';
import { createVirtualTime, type VirtualTime } from '../test/fakes/virtual-time.ts';
import { silentLogger } from '../test/support/test-core.ts';
import { round } from './measure.ts';

// Fan-out of one scheduled digest to 10,000 channels (6,000 Slack in 20 workspaces, 4,000 Discord
// in 100 guilds) through the real service and a real SQLite file, against fake platforms that
// answer 429 to anything over their limits. Time is virtual: the clock jumps to the next wake-up
// whenever every worker is waiting, so minutes of rate-limited sending take seconds of CPU and the
// achieved rate is measured exactly, in the platforms' own time. A second slot crashes halfway
// (no shutdown, store closed) and a new process finishes it from the same file.

const SLACK_CHANNELS = 6_000;
const SLACK_WORKSPACES = 20;
const DISCORD_CHANNELS = 4_000;
const DISCORD_GUILDS = 100;
const CRON = '0 9 * * 1';
const ZONE = 'Asia/Tokyo';
const FIRST_SLOT = new Date('2025-06-02T00:00:00Z');
const SECOND_SLOT = new Date('2025-06-09T00:00:00Z');

function targets(): ChannelRef[] {
  const slack = Array.from({ length: SLACK_CHANNELS }, (_, i) => ({
    platform: 'slack' as const,
    channelId: `C${i}`,
    workspaceId: `T${i % SLACK_WORKSPACES}`,
  }));
  const discord = Array.from({ length: DISCORD_CHANNELS }, (_, i) => ({
    platform: 'discord' as const,
    channelId: `${900_000 + i}`,
    workspaceId: `G${i % DISCORD_GUILDS}`,
  }));
  return [...slack, ...discord];
}

function platforms(time: VirtualTime) {
  return {
    slack: createFakePublisher({
      platform: 'slack',
      clock: time.clock,
      rules: PLATFORM_ENFORCED_LIMITS.slack,
    }),
    discord: createFakePublisher({
      platform: 'discord',
      clock: time.clock,
      rules: PLATFORM_ENFORCED_LIMITS.discord,
    }),
  };
}

function service(
  store: Store,
  time: VirtualTime,
  fakes: Record<string, FakePublisher>,
  library: BriefingLibrary,
) {
  return createDigestService({
    store,
    getLibrary: () => library,
    clock: time.clock,
    logger: silentLogger,
    publishers: new Map<Platform, Publisher>([
      ['slack', fakes.slack as Publisher],
      ['discord', fakes.discord as Publisher],
    ]),
    defaultTimeZone: 'Asia/Tokyo',
    schedule: false,
    sleep: time.sleep,
    random: () => 0.5,
  });
}

const fanOut = (time: VirtualTime, digests: DigestService, slot: Date) =>
  time.run(
    (async () => {
      await digests.runSlot(CRON, ZONE, slot);
      await digests.idle();
    })(),
  );

/** The fastest any sender could finish `count` messages under sliding-window `limit` per `windowMs`. */
const idealMs = (count: number, limit: number, windowMs: number) =>
  Math.floor((count - 1) / limit) * windowMs;

function tally(channels: ChannelRef[], sent: FakePublisher[], slotStart: number) {
  const counts = new Map<string, number>();
  for (const publisher of sent) {
    for (const message of publisher.messages) {
      if (message.at.getTime() < slotStart) continue;
      const key = `${message.channel.platform}:${message.channel.channelId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let duplicates = 0;
  let losses = 0;
  for (const channel of channels) {
    const count = counts.get(`${channel.platform}:${channel.channelId}`) ?? 0;
    if (count === 0) losses++;
    if (count > 1) duplicates += count - 1;
  }
  return { duplicates, losses };
}

export async function run(): Promise<{ name: string; metrics: Record<string, number | string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'eujp-bench-digests-'));
  const file = join(dir, 'eujp.sqlite');
  const library = await loadBriefingLibrary(join(import.meta.dirname, '..', 'briefings'));
  const channels = targets();
  try {
    // Slot 1: a clean fan-out, measured.
    const time = createVirtualTime(new Date(FIRST_SLOT.getTime() + 1_000));
    const fakes = platforms(time);
    const store = createSqliteStore(file);
    for (const channel of channels) {
      await store.addSubscription({
        channel,
        schedule: 'weekly mon 09:00',
        cron: CRON,
        timeZone: ZONE,
        topics: [],
        lang: 'en',
        createdAt: new Date('2025-05-01T00:00:00Z'),
      });
    }
    const digests = service(store, time, fakes, library);
    const startedAt = time.nowMs();
    const wallStart = performance.now();
    await fanOut(time, digests, FIRST_SLOT);
    const wallMs = performance.now() - wallStart;
    const finished = (publisher: FakePublisher) =>
      (publisher.messages.at(-1)?.at.getTime() ?? startedAt) - startedAt;
    const slackMs = finished(fakes.slack);
    const discordMs = finished(fakes.discord);
    const slackIdealMs = idealMs(SLACK_CHANNELS / SLACK_WORKSPACES, 50, 15_000);
    const discordIdealMs = idealMs(DISCORD_CHANNELS, 50, 1_000);
    const first = tally(channels, [fakes.slack, fakes.discord], FIRST_SLOT.getTime());
    const rejected = fakes.slack.rateLimitedCount + fakes.discord.rateLimitedCount;

    // Slot 2: the process dies after 5,000 messages; a new one finishes from the same file.
    const crashTime = createVirtualTime(new Date(SECOND_SLOT.getTime() + 1_000));
    const before = platforms(crashTime);
    const crashing = service(store, crashTime, before, library);
    before.slack.holdAfter(3_000);
    before.discord.holdAfter(2_000);
    void crashing.runSlot(CRON, ZONE, SECOND_SLOT);
    await crashTime.runUntil(() => before.slack.messages.length + before.discord.messages.length >= 5_000);
    await crashTime.runUntil(() => before.slack.held.length + before.discord.held.length > 0);
    await store.close();
    const restartTime = createVirtualTime(new Date(crashTime.nowMs() + 10 * 60_000));
    const after = platforms(restartTime);
    const reopened = createSqliteStore(file);
    const restarted = service(reopened, restartTime, after, library);
    await restartTime.run(restarted.start().then(() => restarted.idle()));
    await restartTime.run(restarted.stop());
    await reopened.close();
    const second = tally(
      channels,
      [before.slack, before.discord, after.slack, after.discord],
      SECOND_SLOT.getTime(),
    );

    const ratio = (idealMsValue: number, actualMs: number) => round(idealMsValue / Math.max(1, actualMs), 3);
    return {
      name: 'digest fan-out: 10,000 channels, rate-limited fake Slack + Discord, virtual time',
      metrics: {
        channels: channels.length,
        'wall time (s)': round(wallMs / 1000, 2),
        'slack: virtual time to finish (s)': round(slackMs / 1000, 1),
        'slack: achieved rate (msg/s)': round(SLACK_CHANNELS / (slackMs / 1000), 1),
        'slack: allowed rate (msg/s, 20 workspaces × 50/15 s)': round(
          SLACK_CHANNELS / (slackIdealMs / 1000),
          1,
        ),
        'slack: achieved / allowed': ratio(slackIdealMs, slackMs),
        'discord: virtual time to finish (s)': round(discordMs / 1000, 1),
        'discord: achieved rate (msg/s)': round(DISCORD_CHANNELS / (discordMs / 1000), 1),
        'discord: allowed rate (msg/s, 50/s global)': round(DISCORD_CHANNELS / (discordIdealMs / 1000), 1),
        [`discord: achieved / allowed (bot budget is ${DEFAULT_RATE_LIMITS.discord[0]?.limit} of 50/s)`]:
          ratio(discordIdealMs, discordMs),
        '429s from the platforms': rejected,
        duplicates: first.duplicates,
        losses: first.losses,
        'crash at 5,000 then restart: duplicates': second.duplicates,
        'crash at 5,000 then restart: losses': second.losses,
        'bot budget (DEFAULT_RATE_LIMITS)': `slack ${JSON.stringify(DEFAULT_RATE_LIMITS.slack.map((r) => `${r.limit}/${r.windowMs}ms/${r.scope}`))}, discord ${JSON.stringify(DEFAULT_RATE_LIMITS.discord.map((r) => `${r.limit}/${r.windowMs}ms/${r.scope}`))}`,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
