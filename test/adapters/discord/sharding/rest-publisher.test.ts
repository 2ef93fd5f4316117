import { afterEach, describe, expect, it } from 'vitest';
import {
  type DiscordRestPublisher,
  startDiscordRestPublisher,
} from '../../../../src/adapters/discord/start-discord-rest-publisher.ts';
import { DeliveryError } from '../../../../src/core/ports.ts';
import type { Reply } from '../../../../src/core/reply.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../../fakes/fake-discord-api.ts';
import { silentLogger } from '../../../support/test-core.ts';

const channel = {
  platform: 'discord' as const,
  channelId: '1100000000000000100',
  workspaceId: '1100000000000000002',
};

const digest: Reply = {
  type: 'digest',
  topic: null,
  title: 'Weekly digest @everyone',
  sections: [{ paragraphs: ['The council met.'], items: [] }],
  sources: [],
  suggestions: [],
  actions: [],
  visibility: 'public',
  lang: 'en',
};

let api: FakeDiscordApi | undefined;
let running: DiscordRestPublisher | undefined;
afterEach(async () => {
  await running?.stop();
  await api?.close();
  running = undefined;
  api = undefined;
});

async function start(): Promise<{ api: FakeDiscordApi; publisher: DiscordRestPublisher['publisher'] }> {
  api = await startFakeDiscordApi();
  running = startDiscordRestPublisher({
    token: 'rest-token',
    apiUrl: api.url,
    rest: { retries: 0 },
    logger: silentLogger,
  });
  return { api, publisher: running.publisher };
}

describe('the Discord digest publisher of the shard manager (REST only, no gateway)', () => {
  it('posts a digest into a channel with the bot token and mentions switched off', async () => {
    const { api, publisher } = await start();
    const { messageId } = await publisher.publish(channel, digest);

    const [post] = api.find('POST', /^\/channels\/1100000000000000100\/messages$/);
    expect(messageId).toBeTruthy();
    expect(post?.headers.authorization).toBe('Bot rest-token');
    expect(post?.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it("hands a 429 back to the digest scheduler with Discord's wait, instead of waiting in the queue", async () => {
    const { api, publisher } = await start();
    api.fail({ method: 'POST', path: /^\/channels\//, status: 429, retryAfterSeconds: 3 });

    const failure = await publisher.publish(channel, digest).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ kind: 'rate_limited' });
    expect((failure as DeliveryError).retryAfterMs).toBeGreaterThanOrEqual(3000);
  });
});
