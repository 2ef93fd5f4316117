import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, callbackPath, eujpPayload } from '../../../fakes/discord-interactions.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../../fakes/fake-discord-api.ts';
import { type FakeDiscordGateway, startFakeDiscordGateway } from '../../../fakes/fake-discord-gateway.ts';
import { isRunning, type ShardedBot, startShardedBot } from './sharded-process.ts';

const TOKEN = 'discord-shard-test-token';

describe('npm run start:sharded', () => {
  let gateway: FakeDiscordGateway;
  let api: FakeDiscordApi;
  let bot: ShardedBot;
  let dir: string;

  beforeAll(async () => {
    gateway = await startFakeDiscordGateway({ token: TOKEN, user: { id: APP_ID, username: 'eujp' } });
    api = await startFakeDiscordApi({ gatewayUrl: gateway.url, botToken: TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'eujp-sharded-'));
    bot = await startShardedBot(
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APP_ID: APP_ID,
        DISCORD_API_URL: api.url,
        EUJP_DB: join(dir, 'eujp.sqlite'),
      },
      ['--shards', '2', '--spawn-delay-ms', '0'],
    );
    await bot.waitForLog('eujp ready');
  }, 90_000);

  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await gateway?.close();
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('connects two shard processes, each identifying as its own shard of two', async () => {
    const shards = gateway.identifies.map((identify) => identify.shard);
    expect(shards).toHaveLength(2);
    expect(shards).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    await bot.waitForLog('discord shard ready', 2);
    const ready = bot.logs.filter((line) => line.msg === 'discord shard ready');
    expect(ready.map((line) => line.shardIds).sort()).toEqual([[0], [1]]);
    expect(new Set(ready.map((line) => line.pid)).size).toBe(2);
  });

  it('runs the digest scheduler in the manager process only', () => {
    const schedulers = bot.logs.filter((line) => line.msg === 'digest scheduler started');
    expect(schedulers).toHaveLength(1);
    // Shard processes tag every line with their shards; the manager's lines carry none.
    expect(schedulers[0]?.shards).toBeUndefined();
  });

  it('answers a slash command on every shard, with digest commands served by the manager', async () => {
    // The fake gateway delivers a dispatch to every session: each shard gets this one.
    const payload = eujpPayload('subscriptions');
    gateway.dispatchInteraction(payload);

    const callbacks = await api.waitFor('POST', callbackPath(payload), 2);
    for (const callback of callbacks) {
      expect(JSON.stringify(callback.body)).toContain('This channel has no digests');
    }
  });

  it('stops cleanly on SIGTERM, taking its shard processes with it', async () => {
    const pids = bot.logs
      .filter((line) => line.msg === 'discord shard ready')
      .map((line) => Number(line.pid));

    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(bot.logs.some((line) => line.msg === 'stopped cleanly')).toBe(true);
    expect(pids.filter(isRunning)).toEqual([]);
  });
});
