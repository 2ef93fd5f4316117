import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscordApi, startFakeDiscordApi } from '../fakes/fake-discord-api.ts';
import { postSignedToSlack, slashCommandBody } from '../fakes/slack-requests.ts';
import { type BotProcess, PINO_ERROR, startBot } from './bot-process.ts';
import { type FakePlatforms, SECRETS, startFakePlatforms } from './fake-platforms.ts';

// Discord can refuse a token at two points: REST `GET /gateway/bot` answers 401 (the usual case),
// or the gateway closes the socket with 4004 after IDENTIFY. Both bots run side by side.
let fakes: FakePlatforms;
// A REST fake that lets any token through, so the refusal comes from the gateway.
let lenientApi: FakeDiscordApi;
const bots: Record<'rest' | 'gateway', BotProcess | undefined> = { rest: undefined, gateway: undefined };

beforeAll(async () => {
  fakes = await startFakePlatforms();
  lenientApi = await startFakeDiscordApi({ gatewayUrl: fakes.gateway.url });
  const env = (overrides: Record<string, string>) =>
    fakes.botEnv({ DISCORD_TOKEN: SECRETS.wrongDiscordToken, ...overrides });
  [bots.rest, bots.gateway] = await Promise.all([
    startBot(env({ EUJP_DB: `${fakes.dir}/rest.sqlite` })),
    // At trace level, so the secrets check below also covers the libraries' request logging.
    startBot(
      env({ EUJP_DB: `${fakes.dir}/gateway.sqlite`, DISCORD_API_URL: lenientApi.url, LOG_LEVEL: 'trace' }),
    ),
  ]);
});

afterAll(async () => {
  await Promise.all([bots.rest?.stop('SIGKILL'), bots.gateway?.stop('SIGKILL')]);
  await Promise.all([fakes?.close(), lenientApi?.close()]);
});

describe.each([
  ['REST answers 401 on /gateway/bot', 'rest', /invalid token/i],
  ['the gateway closes with 4004', 'gateway', /authentication failed/i],
] as const)('a bad Discord token (%s)', (_how, which, reason) => {
  const bot = () => bots[which] as BotProcess;

  it('still starts Slack, and answers a Slack command', async () => {
    expect(bot().logs.find((line) => line.msg === 'eujp ready')?.adapters).toEqual(['slack']);
    const result = await postSignedToSlack(
      `http://127.0.0.1:${bot().port}/slack/events`,
      slashCommandBody({ text: 'quantum', responseUrl: fakes.slack.responseUrl(which) }),
      { signingSecret: SECRETS.slackSigningSecret, contentType: 'application/x-www-form-urlencoded' },
    );
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.json().blocks)).toMatch(/Quantum/);
  });

  it('shows Discord down on /healthz, with the reason, and everything else up', async () => {
    const health = await bot().get('/healthz');
    expect(health.status).toBe(503);
    const body = JSON.parse(health.text) as {
      status: string;
      components: Record<string, { status: string; detail?: string }>;
    };
    expect(body.status).toBe('degraded');
    expect(body.components.discord?.status).toBe('down');
    expect(body.components.discord?.detail).toMatch(reason);
    for (const component of ['slack', 'store', 'digests'])
      expect(body.components[component]?.status).toBe('up');
  });

  it('logs one clear error line naming Discord and why', () => {
    const errors = bot().logs.filter((line) => (line.level ?? 0) >= PINO_ERROR);
    expect(errors.map((line) => line.msg)).toEqual([expect.stringMatching(/^discord\b.*/i)]);
    expect(errors[0]?.msg).toMatch(reason);
  });

  it('does not retry a refused token (a permanent refusal), unlike an unreachable Discord', async () => {
    expect(bot().output()).not.toMatch(/adapter failed to start[^\n]*retrying in/);
    expect(bot().logs.find((line) => line.msg === 'eujp ready')?.retrying).toEqual([]);
    const health = JSON.parse((await bot().get('/healthz')).text) as {
      components: Record<string, { detail?: string }>;
    };
    expect(health.components.discord?.detail).not.toMatch(/retrying/);
  });

  it('never writes either Discord token or the Slack secrets to its output', () => {
    const output = bot().output();
    for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
  });
});
