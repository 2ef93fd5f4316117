import { loadBriefingLibrary } from '../src/core/briefings/load-briefing-library.ts';
import { createDigestService, type DigestService } from '../src/core/digests/create-digest-service.ts';
import { type IdempotentPublisher, isIdempotentPublisher } from '../src/core/digests/idempotent-publisher.ts';
import type { Store } from '../src/core/digests/store-port.ts';
import type { Platform, Publisher } from '../src/core/ports.ts';
import { createPostgresStore } from '../src/storage/postgres/create-postgres-store.ts';
import {
  createFakePublisher,
  type FakePublisher,
  PLATFORM_ENFORCED_LIMITS,
} from '../test/fakes/fake-publisher.ts';
import { createVirtualTime, type VirtualTime } from '../test/fakes/virtual-time.ts';
import { createTestSchema } from '../test/storage/postgres-test-schema.ts';
import { silentLogger } from '../test/support/test-core.ts';
import { round } from './measure.ts';

// Fan-out of one scheduled digest to 100,000 channels (60,000 Slack in 200 workspaces, 40,000
// Discord) by three replicas — three digest services, each with its own Postgres pool, as three
// processes would have — sharing one Postgres schema and one set of fake platforms that answer 429
// to anything over their limits. All three fire the slot (node-cron's distributed path: one is
// elected and offers it), then all pull from the ledger and pace through the shared budget. At
// 65% one replica dies (every call it makes from then on hangs, as a killed process's would);
// the others take its claims over after the lease.
//
// Time is virtual, as in digest-fanout.bench.ts: the clock jumps to the next wake-up whenever
// every replica is waiting, so the ~17 minutes the platforms' limits impose take no wall time,
// and rates are measured exactly, in the platforms' own time. Postgres is real: a query in
// flight holds the clock still (VirtualTime.track), so database work costs wall time, not virtual
// time. The kill lands between I/O steps, so no post is caught between the platform's accept and
// our confirm; test/replicas covers that window with real processes.

const SLACK_CHANNELS = 60_000;
const SLACK_WORKSPACES = 200;
const DISCORD_CHANNELS = 40_000;
const TOTAL = SLACK_CHANNELS + DISCORD_CHANNELS;
/** Slack is done by then and Discord has most of its 1,000 virtual seconds still to go. */
const KILL_AFTER = Math.floor(TOTAL * 0.65);
const REPLICAS = 3;
const CRON = '0 9 * * 1';
const ZONE = 'Asia/Tokyo';
const SLOT = new Date('2025-06-02T00:00:00Z');
/** The bench gives up, and says so, rather than run past this much wall time. */
const WALL_LIMIT_MS = 5 * 60_000;

const NAME = 'replica fan-out: 100,000 channels, three replicas on one Postgres, one killed, virtual time';
type Result = { name: string; metrics: Record<string, number | string> };

/** A replica's view of the shared things: every call tracked by virtual time, or hanging once dead. */
function replicaStore(store: Store, time: VirtualTime, life: { dead: boolean }): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        life.dead ? new Promise(() => {}) : time.track(Promise.resolve(value.apply(target, args)));
    },
  });
}

function replicaPublisher(fake: FakePublisher, life: { dead: boolean }): Publisher | IdempotentPublisher {
  const hang = () => new Promise<never>(() => {});
  const publisher: Publisher = {
    platform: fake.platform,
    publish: (channel, reply) => (life.dead ? hang() : fake.publish(channel, reply)),
  };
  if (!isIdempotentPublisher(fake)) return publisher;
  return {
    ...publisher,
    publishOnce: (channel, reply, key) => (life.dead ? hang() : fake.publishOnce(channel, reply, key)),
  };
}

/** The fastest any sender could finish `count` messages under sliding-window `limit` per `windowMs`. */
const idealMs = (count: number, limit: number, windowMs: number) =>
  Math.floor((count - 1) / limit) * windowMs;

export async function run(): Promise<Result> {
  const url = process.env.EUJP_TEST_PG_URL;
  if (!url) {
    return { name: NAME, metrics: { skipped: 'EUJP_TEST_PG_URL is not set (a Postgres to run against)' } };
  }
  const schema = await createTestSchema(url);
  const stores: Store[] = [];
  const services: DigestService[] = [];
  try {
    const library = await loadBriefingLibrary(new URL('../briefings', import.meta.url).pathname);
    const time = createVirtualTime(new Date(SLOT.getTime() + 1_000));
    const fakes = {
      slack: createFakePublisher({
        platform: 'slack',
        clock: time.clock,
        rules: PLATFORM_ENFORCED_LIMITS.slack,
      }),
      discord: createFakePublisher({
        platform: 'discord',
        clock: time.clock,
        rules: PLATFORM_ENFORCED_LIMITS.discord,
        deduplicate: true,
      }),
    };
    const lives = Array.from({ length: REPLICAS }, () => ({ dead: false }));
    for (const [index, life] of lives.entries()) {
      const store = await createPostgresStore(url, { schema: schema.name, maxConnections: 6 });
      stores.push(store);
      services.push(
        createDigestService({
          store: replicaStore(store, time, life),
          getLibrary: () => library,
          clock: time.clock,
          logger: silentLogger,
          publishers: new Map<Platform, Publisher>([
            ['slack', replicaPublisher(fakes.slack, life)],
            ['discord', replicaPublisher(fakes.discord, life)],
          ]),
          defaultTimeZone: ZONE,
          schedule: false,
          sleep: time.sleep,
          random: () => 0.5,
          replicaId: `r${index + 1}`,
        }),
      );
    }
    await time.run(Promise.all(services.map((service) => service.start())));
    await subscribeInBulk(url, schema.name);

    const delivered = () => fakes.slack.messages.length + fakes.discord.messages.length;
    const wallStart = performance.now();
    const outOfTime = () => performance.now() - wallStart > WALL_LIMIT_MS;
    const startedAt = time.nowMs();
    void time.track(Promise.all(services.map((service) => service.fireSlot(CRON, ZONE, SLOT))));
    await time.runUntil(() => delivered() >= KILL_AFTER || outOfTime());
    const victim = 1;
    const killedAt = outOfTime() ? undefined : time.nowMs();
    (lives[victim] as { dead: boolean }).dead = killedAt !== undefined;
    await time.runUntil(() => delivered() >= TOTAL || outOfTime());
    const wallMs = performance.now() - wallStart;
    const finishedAt = time.nowMs();
    const live = services.filter((_, index) => index !== victim);
    if (!outOfTime()) await time.run(Promise.all(live.map((service) => service.idle())));

    const tally = countPerChannel([fakes.slack, fakes.discord]);
    const ledger = await readLedger(url, schema.name);
    await time.run(Promise.all(live.map((service) => service.stop())));

    // Measured on what was sent, so a run stopped at the wall limit still reports true rates.
    const last = (fake: FakePublisher) => (fake.messages.at(-1)?.at.getTime() ?? startedAt) - startedAt;
    const slackSent = fakes.slack.messages.length;
    const discordSent = fakes.discord.messages.length;
    const slackMs = last(fakes.slack);
    const discordMs = last(fakes.discord);
    const slackIdealMs = idealMs(Math.ceil(slackSent / SLACK_WORKSPACES), 50, 15_000);
    const discordIdealMs = idealMs(discordSent, 50, 1_000);
    const ratio = (ideal: number, actual: number) => round(ideal / Math.max(1, actual), 3);
    const perSecond = (count: number, ms: number) => round(count / Math.max(0.001, ms / 1000), 1);
    return {
      name: NAME,
      metrics: {
        channels: TOTAL,
        completed: outOfTime() ? `no: stopped at the ${WALL_LIMIT_MS / 60_000}-minute wall limit` : 'yes',
        'wall time (s)': round(wallMs / 1000, 1),
        'virtual time to finish (s)': round((finishedAt - startedAt) / 1000, 1),
        'slack: sent': slackSent,
        'slack: achieved rate (msg/s)': perSecond(slackSent, slackMs),
        'slack: allowed rate (msg/s, 200 workspaces × 50/15 s)': perSecond(slackSent, slackIdealMs),
        'slack: achieved / allowed': ratio(slackIdealMs, slackMs),
        'discord: sent': discordSent,
        'discord: achieved rate (msg/s)': perSecond(discordSent, discordMs),
        'discord: allowed rate (msg/s, 50/s global)': perSecond(discordSent, discordIdealMs),
        'discord: achieved / allowed (bot budget is 40 of 50/s)': ratio(discordIdealMs, discordMs),
        '429s from the platforms': fakes.slack.rateLimitedCount + fakes.discord.rateLimitedCount,
        duplicates: tally.duplicates,
        'losses (unsent; all of them if completed)': tally.losses,
        'messages per replica': ledger.perOwner,
        'killed replica at (virtual s)':
          killedAt === undefined ? 'not reached' : round((killedAt - startedAt) / 1000, 1),
        'claims taken over from it': ledger.recovered,
        'ledger rows not sent': ledger.unsent,
      },
    };
  } finally {
    for (const store of stores) await store.close().catch(() => {});
    await schema.drop();
  }
}

/** 100,000 subscriptions in one statement: through the store it would take minutes of set-up. */
async function subscribeInBulk(url: string, schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO subscriptions (platform, channel_id, workspace_id, schedule, cron, time_zone, topics, lang, created_at)
       SELECT CASE WHEN i <= $1 THEN 'slack' ELSE 'discord' END,
              CASE WHEN i <= $1 THEN 'C' || i ELSE (900000 + i)::text END,
              CASE WHEN i <= $1 THEN 'T' || (i % $2) ELSE 'G' || (i % 400) END,
              'weekly mon 09:00', $3, $4, '[]'::jsonb, 'en', '2025-05-01T00:00:00Z'
       FROM generate_series(1, $5::int) AS i`,
      [SLACK_CHANNELS, SLACK_WORKSPACES, CRON, ZONE, TOTAL],
    );
  } finally {
    await client.end();
  }
}

function countPerChannel(fakes: FakePublisher[]) {
  const counts = new Map<string, number>();
  for (const fake of fakes) {
    for (const message of fake.messages) {
      const key = `${message.channel.platform}:${message.channel.channelId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let duplicates = 0;
  for (const count of counts.values()) duplicates += count - 1;
  return { duplicates, losses: TOTAL - counts.size };
}

async function readLedger(url: string, schema: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const owners = await client.query<{ owner: string; n: number }>(
      "SELECT owner, COUNT(*)::int AS n FROM deliveries WHERE state = 'sent' GROUP BY owner ORDER BY owner",
    );
    const totals = await client.query<{ recovered: number; unsent: number }>(
      `SELECT COALESCE(SUM(recoveries), 0)::int AS recovered,
              COUNT(*) FILTER (WHERE state <> 'sent')::int AS unsent FROM deliveries`,
    );
    return {
      perOwner: owners.rows.map((row) => `${row.owner} ${row.n}`).join(', '),
      recovered: totals.rows[0]?.recovered ?? 0,
      unsent: totals.rows[0]?.unsent ?? 0,
    };
  } finally {
    await client.end();
  }
}
