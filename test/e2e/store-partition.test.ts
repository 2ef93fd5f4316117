import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedToSlack, slashCommandBody } from '../fakes/slack-requests.ts';
import { startTcpProxy, type TcpProxy } from '../fakes/tcp-proxy.ts';
import {
  createTestSchema,
  PG_SKIP_REASON,
  TEST_PG_URL,
  type TestSchema,
  warnIfPostgresSkipped,
} from '../storage/postgres-test-schema.ts';
import { type BotProcess, startBot } from './bot-process.ts';
import { type FakePlatforms, SECRETS, startFakePlatforms } from './fake-platforms.ts';

// A Postgres partition: connections stay open, nothing answers. The bot sits behind a proxy the
// test can freeze. Read-only commands must still be answered in the acknowledgement itself (Slack
// shows an empty ack otherwise), and commands that need the store must say at once that storage
// is unavailable, not answer after the partition ends.
warnIfPostgresSkipped('store partition e2e');

let fakes: FakePlatforms;
let schema: TestSchema;
let proxy: TcpProxy;
let bot: BotProcess;

beforeAll(async () => {
  if (!TEST_PG_URL) return;
  fakes = await startFakePlatforms();
  schema = await createTestSchema(TEST_PG_URL);
  const target = new URL(TEST_PG_URL);
  proxy = await startTcpProxy(Number(target.port || 5432));
  target.host = `127.0.0.1:${proxy.port}`;
  target.searchParams.set('options', `-c search_path=${schema.name}`);
  bot = await startBot(
    fakes.botEnv({ DISCORD_TOKEN: '', DISCORD_APP_ID: '', EUJP_DB: target.href, EUJP_DB_POOL: '4' }),
  );
});

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await proxy?.close();
  await schema?.drop();
  await fakes?.close();
});

/** The blocks Slack got in the acknowledgement itself (empty when the bot fell back to response_url). */
async function ack(text: string, channelId = 'C1'): Promise<string> {
  const result = await postSignedToSlack(
    `http://127.0.0.1:${bot.port}/slack/events`,
    slashCommandBody({ text, channelId, responseUrl: fakes.slack.responseUrl('partition') }),
    { signingSecret: SECRETS.slackSigningSecret, contentType: 'application/x-www-form-urlencoded' },
  );
  expect(result.status).toBe(200);
  return JSON.stringify(result.json().blocks ?? []);
}

describe.skipIf(!TEST_PG_URL)(`a Postgres partition (${PG_SKIP_REASON})`, () => {
  it('works normally before: a subscription and a channel language are stored', async () => {
    expect(await ack('subscribe daily 08:30 quantum')).toMatch(/Digest subscribed/);
    expect(await ack('language ja', 'CJA')).toMatch(/日本語/);
    expect(await ack('semiconductors', 'CJA')).toMatch(/半導体/);
  });

  it('answers briefings, sources, search, timeline and help in the ack while the store is frozen', async () => {
    proxy.freeze();
    expect(await ack('semiconductors')).toMatch(/Semiconductors/);
    // The remembered language holds, without asking the store.
    expect(await ack('semiconductors', 'CJA')).toMatch(/半導体/);
    // A channel never seen: the default language after a short wait, not an empty ack.
    expect(await ack('quantum', 'CNEW')).toMatch(/Quantum/);
    expect(await ack('sources semiconductors')).toMatch(/https:\/\//);
    expect(await ack('search chips')).not.toBe('[]');
    expect(await ack('timeline')).not.toBe('[]');
    expect(await ack('help')).toMatch(/subscribe/);
  });

  it('answers commands that need the store with a short "storage is unavailable"', async () => {
    for (const command of ['subscriptions', 'status'])
      expect(await ack(command)).toMatch(/Storage is unavailable right now/);
    // A change may still be applied once the store answers: the reply says it cannot confirm it.
    expect(await ack('subscribe weekly mon 09:00 ai')).toMatch(/cannot confirm that change/);
  });

  it('is back to normal once the partition ends', async () => {
    await proxy.close();
    await proxy.forward();
    let listed = '';
    for (let attempt = 0; attempt < 20 && !/every day at 08:30/.test(listed); attempt++) {
      listed = await ack('subscriptions');
      if (!/every day at 08:30/.test(listed)) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(listed).toMatch(/every day at 08:30/);
  });
});
