import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_ID } from '../fakes/discord-interactions.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../fakes/fake-discord-api.ts';
import { type FakeDiscordGateway, startFakeDiscordGateway } from '../fakes/fake-discord-gateway.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.ts';
import type { BotEnv } from './bot-process.ts';

// Secrets shaped like real ones, so the logger's shape-based redaction is put to a fair test.
export const SECRETS = {
  slackBotToken: 'xoxb-2718281828-3141592653589-Zq8vLkW3nRt5YpXc7HsJ2mGd',
  slackSigningSecret: '5e0f3c9ab7d14e2f8c6b1a9d7e3f2c10',
  discordToken: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gk4rTz.p9XvQm2LwR7sYbN3cJ8hKdF5tGzA1eUoVi6W0q',
  /** Well formed but not the bot's: the fakes refuse it. */
  wrongDiscordToken: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gx7bWq.Jr3nH8sKe1LdZ5uYcA9oPf2Tm6BvXg4QwNiS0k',
} as const;

/** Loopback fakes of Slack's Web API and Discord's REST API and gateway, plus a scratch directory. */
export interface FakePlatforms {
  slack: FakeSlackApi;
  discordApi: FakeDiscordApi;
  gateway: FakeDiscordGateway;
  /** A fresh directory for SQLite files, removed by `close()`. */
  dir: string;
  /** The bot's environment pointing at these fakes, with `overrides` on top. */
  botEnv(overrides?: BotEnv): BotEnv;
  close(): Promise<void>;
}

/** Starts the fakes; both Discord fakes accept only `SECRETS.discordToken`. */
export async function startFakePlatforms(): Promise<FakePlatforms> {
  const slack = await startFakeSlackApi();
  // A short heartbeat interval, so a test sees the session kept alive within a few seconds.
  const gateway = await startFakeDiscordGateway({
    token: SECRETS.discordToken,
    applicationId: APP_ID,
    heartbeatIntervalMs: 250,
  });
  const discordApi = await startFakeDiscordApi({ gatewayUrl: gateway.url, botToken: SECRETS.discordToken });
  const dir = mkdtempSync(path.join(tmpdir(), 'eujp-e2e-'));
  return {
    slack,
    discordApi,
    gateway,
    dir,
    botEnv: (overrides = {}) => ({
      SLACK_BOT_TOKEN: SECRETS.slackBotToken,
      SLACK_SIGNING_SECRET: SECRETS.slackSigningSecret,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: SECRETS.discordToken,
      DISCORD_APP_ID: APP_ID,
      DISCORD_API_URL: discordApi.url,
      EUJP_DB: path.join(dir, 'eujp.sqlite'),
      LOG_LEVEL: 'info',
      ...overrides,
    }),
    close: async () => {
      await Promise.all([slack.close(), discordApi.close(), gateway.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
