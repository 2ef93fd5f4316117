import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedToSlack, slashCommandBody } from '../fakes/slack-requests.ts';
import { startTcpProxy, type TcpProxy } from '../fakes/tcp-proxy.ts';
import { type BotProcess, startBot } from './bot-process.ts';
import { type FakePlatforms, SECRETS, startFakePlatforms } from './fake-platforms.ts';

// A chat platform unreachable at start (a network blip during a reboot) is retried with backoff
// until it answers, shown meanwhile on /healthz and in the logs, without a restart by a person.
let fakes: FakePlatforms;
const proxies: Record<'slack' | 'discord', TcpProxy | undefined> = { slack: undefined, discord: undefined };
const bots: Record<'slack' | 'discord', BotProcess | undefined> = { slack: undefined, discord: undefined };

interface Health {
  status: string;
  components: Record<string, { status: string; detail?: string }>;
}

beforeAll(async () => {
  fakes = await startFakePlatforms();
  // Nothing listens on either proxy's port yet: the connection is refused.
  proxies.slack = await startTcpProxy(Number(new URL(fakes.slack.apiUrl).port), { listening: false });
  proxies.discord = await startTcpProxy(Number(new URL(fakes.discordApi.url).port), { listening: false });
  [bots.slack, bots.discord] = await Promise.all([
    startBot(
      fakes.botEnv({
        DISCORD_TOKEN: '',
        DISCORD_APP_ID: '',
        SLACK_API_URL: `http://127.0.0.1:${proxies.slack.port}/api/`,
        EUJP_DB: `${fakes.dir}/slack.sqlite`,
      }),
    ),
    startBot(
      fakes.botEnv({
        SLACK_BOT_TOKEN: '',
        SLACK_SIGNING_SECRET: '',
        SLACK_API_URL: '',
        DISCORD_API_URL: `http://127.0.0.1:${proxies.discord.port}/api`,
        EUJP_DB: `${fakes.dir}/discord.sqlite`,
      }),
    ),
  ]);
});

afterAll(async () => {
  await Promise.all([bots.slack?.stop('SIGKILL'), bots.discord?.stop('SIGKILL')]);
  await Promise.all([proxies.slack?.close(), proxies.discord?.close()]);
  await fakes?.close();
});

describe.each(['slack', 'discord'] as const)('%s unreachable at start', (platform) => {
  const bot = () => bots[platform] as BotProcess;

  it('is ready without it, says it will retry, and shows it retrying on /healthz', async () => {
    const ready = bot().logs.find((line) => line.msg === 'eujp ready');
    expect(ready?.adapters).toEqual([]);
    expect(ready?.retrying).toEqual([platform]);
    const retry = bot().logs.find((line) => line.msg?.startsWith(`${platform} adapter failed to start`));
    expect(retry?.msg).toMatch(
      /unreachable at (SLACK|DISCORD)_API_URL=http:\/\/127\.0\.0\.1:\d+.*retrying in \d+ s/,
    );
    const health = await bot().get('/healthz');
    expect(health.status).toBe(503);
    const body = JSON.parse(health.text) as Health;
    expect(body.components[platform]).toMatchObject({
      status: 'down',
      detail: expect.stringMatching(/retrying/),
    });
  });

  it('starts by itself once the platform answers, and then serves', async () => {
    await proxies[platform]?.forward();
    await bot().waitForLog(
      (line) => line.msg === `${platform} adapter started`,
      `'${platform} adapter started'`,
      25_000,
    );
    const health = JSON.parse((await bot().get('/healthz')).text) as Health;
    expect(health.components[platform]).toEqual({ status: 'up' });
    if (platform === 'slack') {
      const result = await postSignedToSlack(
        `http://127.0.0.1:${bot().port}/slack/events`,
        slashCommandBody({ text: 'quantum', responseUrl: fakes.slack.responseUrl('retry') }),
        { signingSecret: SECRETS.slackSigningSecret, contentType: 'application/x-www-form-urlencoded' },
      );
      expect(JSON.stringify(result.json().blocks)).toMatch(/Quantum/);
    } else {
      expect(fakes.gateway.identifies.length).toBeGreaterThanOrEqual(1);
    }
  });
});
