import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordClient } from '../../../../src/adapters/discord/discord-client.ts';

const saved = { SHARDS: process.env.SHARDS, SHARD_COUNT: process.env.SHARD_COUNT };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

// compose.postgres.yaml runs each replica as one fixed shard through these two variables, which
// discord.js reads itself (the ShardingManager of start:sharded sets the same ones per child).
describe('a replica started with SHARDS and SHARD_COUNT', () => {
  it('connects as that shard of that many', async () => {
    process.env.SHARDS = '1';
    process.env.SHARD_COUNT = '2';
    const client = createDiscordClient({ apiUrl: 'http://127.0.0.1:1/api' });
    try {
      expect(client.options.shards).toEqual([1]);
      expect(client.options.shardCount).toBe(2);
    } finally {
      await client.destroy();
    }
  });

  it('connects as the only shard when neither is set', async () => {
    delete process.env.SHARDS;
    delete process.env.SHARD_COUNT;
    const client = createDiscordClient({ apiUrl: 'http://127.0.0.1:1/api' });
    try {
      expect(client.options.shards).toEqual([0]);
      expect(client.options.shardCount).toBe(1);
    } finally {
      await client.destroy();
    }
  });
});
