import { afterEach, describe, expect, it } from 'vitest';
import { recommendedShardCount } from '../../../../src/adapters/discord/sharding/start-shard-manager.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../../fakes/fake-discord-api.ts';

let api: FakeDiscordApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('--shards auto', () => {
  it("asks Discord's /gateway/bot through DISCORD_API_URL with the bot token", async () => {
    api = await startFakeDiscordApi({ gatewayUrl: 'ws://127.0.0.1:1', botToken: 'shard-token' });
    expect(await recommendedShardCount('shard-token', api.url)).toBe(1);
    expect(api.find('GET', /^\/gateway\/bot$/)[0]?.headers.authorization).toBe('Bot shard-token');
  });
});
