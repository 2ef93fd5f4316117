import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackPath, eujpPayload } from '../fakes/discord-interactions.ts';
import type { RecordedRequest } from '../fakes/fake-discord-api.ts';
import { postSignedToSlack, slashCommandBody } from '../fakes/slack-requests.ts';
import { type BotProcess, startBot } from './bot-process.ts';
import { type FakePlatforms, SECRETS, startFakePlatforms } from './fake-platforms.ts';

// One real bot process serves the whole file (starting one costs a few seconds); the tests run in
// order and the later ones build on what the earlier ones stored.
let fakes: FakePlatforms;
let bot: BotProcess;
let restarted: BotProcess | undefined;

beforeAll(async () => {
  fakes = await startFakePlatforms();
  bot = await startBot(fakes.botEnv());
});

afterAll(async () => {
  await Promise.all([bot?.stop('SIGKILL'), restarted?.stop('SIGKILL')]);
  await fakes?.close();
});

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ text?: { text: string }; value?: string }>;
}

async function slash(target: BotProcess, text: string): Promise<{ status: number; blocks: Block[] }> {
  const result = await postSignedToSlack(
    `http://127.0.0.1:${target.port}/slack/events`,
    slashCommandBody({ text, responseUrl: fakes.slack.responseUrl('e2e') }),
    { signingSecret: SECRETS.slackSigningSecret, contentType: 'application/x-www-form-urlencoded' },
  );
  return { status: result.status, blocks: (result.json().blocks ?? []) as Block[] };
}

interface CallbackBody {
  type?: number;
  data?: { flags?: number; embeds?: Array<{ title?: string; description?: string }> };
}

function callbackBody(request: RecordedRequest | undefined): CallbackBody {
  return (request?.body ?? {}) as CallbackBody;
}

const LISTED = /\*1\.\* every day at 08:30 \([^)]+\) · Quantum technology/;

function blockText(blocks: Block[]): string {
  return blocks
    .flatMap((block) => [block.text?.text ?? '', ...(block.elements ?? []).map((e) => e.text?.text ?? '')])
    .join('\n');
}

describe('the real bot process, against loopback Slack and Discord fakes', () => {
  it('reports Slack, Discord, the store and digests up on /healthz', async () => {
    const health = await bot.get('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({
      status: 'ok',
      components: {
        slack: { status: 'up' },
        discord: { status: 'up' },
        store: { status: 'up' },
        digests: { status: 'up' },
      },
    });
  });

  it('logged in to the Discord gateway with the Guilds intent only', () => {
    expect(fakes.gateway.identifies).toHaveLength(1);
    expect(fakes.gateway.identifies[0]?.intents).toBe(1);
  });

  it('answers a signed /eujp semiconductors with a Block Kit briefing and its buttons', async () => {
    const { status, blocks } = await slash(bot, 'semiconductors');
    expect(status).toBe(200);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Semiconductors' } });
    expect(JSON.stringify(blocks)).toMatch(/<https:\/\/[^|>]+\|\[1\]>/);
    const buttons = blocks.find((block) => block.type === 'actions')?.elements ?? [];
    expect(buttons.map((button) => button.text?.text)).toEqual(
      expect.arrayContaining(['Sources', 'Share in channel']),
    );
  });

  it('answers a slash command that arrives over the Discord gateway with a type-4 briefing embed', async () => {
    const payload = eujpPayload('semiconductors');
    fakes.gateway.dispatchInteraction(payload);
    const [callback] = await fakes.discordApi.waitFor('POST', callbackPath(payload));
    const body = callbackBody(callback);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.embeds?.[0]?.title).toBe('Semiconductors');
    expect(body.data?.embeds?.[0]?.description).toMatch(/\[\[1\]\(https:\/\//);
  });

  it('keeps its Discord session alive with heartbeats, without reconnecting', async () => {
    await fakes.gateway.waitForHeartbeats(3);
    expect(fakes.gateway.readySessions).toBe(1);
  });

  it('resumes its Discord session after the gateway drops the connection, and answers again', async () => {
    fakes.gateway.disconnectAll(4000);
    await fakes.gateway.waitForReady(2);
    const payload = eujpPayload('quantum');
    fakes.gateway.dispatchInteraction(payload);
    const [callback] = await fakes.discordApi.waitFor('POST', callbackPath(payload));
    expect(callbackBody(callback).data?.embeds?.[0]?.title).toMatch(/^Quantum/);
    await bot.waitForLog((line) => line.msg === 'discord: gateway resumed', "'discord: gateway resumed'");
    expect(fakes.gateway.identifies).toHaveLength(1);
  });

  it('counts the commands it served, per platform, on /metrics', async () => {
    const metrics = await bot.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/^# TYPE eujp_commands_served_total counter$/m);
    expect(metrics.text).toMatch(/^eujp_commands_served_total\{platform="slack",reply_type="\w+"\} [1-9]/m);
    expect(metrics.text).toMatch(/^eujp_commands_served_total\{platform="discord",reply_type="\w+"\} [1-9]/m);
  });

  it('stores a Slack subscription and lists it under subscriptions', async () => {
    const subscribed = await slash(bot, 'subscribe daily 08:30 quantum');
    expect(subscribed.status).toBe(200);
    expect(blockText(subscribed.blocks)).toMatch(/^Digest subscribed: every day at 08:30/);
    const listed = await slash(bot, 'subscriptions');
    expect(blockText(listed.blocks)).toMatch(LISTED);
  });

  it('stops cleanly on SIGTERM, and a restart on the same SQLite file still lists the subscription', async () => {
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(bot.logs.some((line) => line.msg === 'stopped cleanly')).toBe(true);

    restarted = await startBot(fakes.botEnv());
    const listed = await slash(restarted, 'subscriptions');
    expect(blockText(listed.blocks)).toMatch(LISTED);
    expect(await restarted.stop('SIGTERM')).toBe(0);
  });

  it('stops cleanly on a SIGTERM that arrives the moment it is ready', async () => {
    const quick = await startBot(fakes.botEnv());
    expect(await quick.stop('SIGTERM')).toBe(0);
    expect(quick.logs.some((line) => line.msg === 'stopped cleanly')).toBe(true);
  });

  it('never writes a token or the signing secret to its output, though it used them', () => {
    // The secrets did reach the platforms, so their absence from the logs is redaction, not disuse.
    expect(fakes.slack.callsTo('auth.test')[0]?.authorization).toBe(`Bearer ${SECRETS.slackBotToken}`);
    expect(fakes.gateway.identifies.map((identify) => identify.token)).toContain(SECRETS.discordToken);
    const output = bot.output() + (restarted?.output() ?? '');
    expect(output).toContain('eujp ready');
    for (const secret of [SECRETS.slackBotToken, SECRETS.slackSigningSecret, SECRETS.discordToken]) {
      expect(output).not.toContain(secret);
    }
  });
});
