import { afterEach, describe, expect, it } from 'vitest';
import {
  createRpcClient,
  type MessageChannel,
  serveRpc,
} from '../../../../src/adapters/discord/sharding/shard-rpc.ts';
import {
  createRemoteShardServices,
  serveShardServices,
} from '../../../../src/adapters/discord/sharding/shard-services.ts';
import { createCore } from '../../../../src/core/create-core.ts';
import { createDigestService } from '../../../../src/core/digests/create-digest-service.ts';
import type { Store } from '../../../../src/core/digests/store-port.ts';
import { UserFacingError } from '../../../../src/core/errors.ts';
import type { RequestContext } from '../../../../src/core/ports.ts';
import { createSqliteStore } from '../../../../src/storage/sqlite/create-sqlite-store.ts';
import { fixedClock, loadRealLibrary, silentLogger } from '../../../support/test-core.ts';

/** Two ends of an IPC channel; messages cross as JSON, asynchronously, as `process.send` does. */
function channelPair(): { shard: MessageChannel; manager: MessageChannel } {
  const listeners = {
    shard: new Set<(message: unknown) => void>(),
    manager: new Set<(message: unknown) => void>(),
  };
  const end = (self: keyof typeof listeners, other: keyof typeof listeners): MessageChannel => ({
    send: (message) => {
      const copy = JSON.parse(JSON.stringify(message)) as unknown;
      setImmediate(() => {
        for (const listener of listeners[other]) listener(copy);
      });
    },
    onMessage: (listener) => {
      listeners[self].add(listener);
      return () => listeners[self].delete(listener);
    },
  });
  return { shard: end('shard', 'manager'), manager: end('manager', 'shard') };
}

const channel = {
  platform: 'discord' as const,
  channelId: '1100000000000000003',
  workspaceId: '1100000000000000002',
};
const moderator: RequestContext = { channel, userId: 'U1', canManageChannel: true };

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** A shard's core whose digests and settings are served by a "manager" over the channel pair. */
async function shardCoreOverIpc() {
  store = createSqliteStore(':memory:');
  const library = await loadRealLibrary();
  const digests = createDigestService({
    store,
    getLibrary: () => library,
    clock: fixedClock(),
    logger: silentLogger,
    publishers: new Map(),
    defaultTimeZone: 'Europe/Brussels',
    schedule: false,
  });
  const { shard, manager } = channelPair();
  serveShardServices(manager, { digests: digests.commands, settings: store });
  const remote = createRemoteShardServices(createRpcClient(shard));
  const core = createCore({
    getLibrary: () => library,
    digests: remote.digests,
    settings: remote.settings,
    clock: fixedClock(),
    logger: silentLogger,
    rateLimits: false,
  });
  return { core, store };
}

describe('a shard borrowing digests and settings from the manager process', () => {
  it("stores a shard's subscribe in the manager's store and lists it back", async () => {
    const { core, store: managerStore } = await shardCoreOverIpc();

    const subscribed = await core.handle('subscribe daily 09:00 tz=Asia/Tokyo quantum', moderator);
    const listed = await core.handle('subscriptions', moderator);

    expect(subscribed.title).toBe('Digest subscribed: every day at 09:00 (Asia/Tokyo)');
    expect((await managerStore.listEnabledSubscriptions()).map((s) => s.channel)).toEqual([channel]);
    expect(JSON.stringify(listed.sections)).toContain('Asia/Tokyo');
  });

  it("shows the manager's refusal to the user as it is, not as a generic apology", async () => {
    const { core } = await shardCoreOverIpc();
    const refused = await core.handle('subscribe daily 09:00 tz=Mars/Olympus quantum', moderator);
    expect(refused.type).toBe('error');
    expect(JSON.stringify(refused)).toContain('Mars/Olympus');
  });

  it("keeps a channel's language in the manager's store", async () => {
    const { core, store: managerStore } = await shardCoreOverIpc();
    await core.handle('language ja', moderator);
    expect(await managerStore.getLanguage(channel)).toBe('ja');
    expect((await core.handle('help', moderator)).lang).toBe('ja');
  });
});

describe('the shard-to-manager RPC', () => {
  it('carries a UserFacingError across with its code', async () => {
    const { shard, manager } = channelPair();
    serveRpc(manager, {
      fail: async () => {
        throw new UserFacingError('bad_schedule', 'That is not a time.');
      },
    });
    const failure = await createRpcClient(shard)
      .call('fail', {})
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserFacingError);
    expect(failure).toMatchObject({ code: 'bad_schedule', message: 'That is not a time.' });
  });

  it('carries the store error behind "could not save" across, so the shard can log it', async () => {
    const { shard, manager } = channelPair();
    serveRpc(manager, {
      fail: async () => {
        throw new UserFacingError('not_saved', 'Could not save.', {
          cause: new Error('database or disk is full'),
        });
      },
    });
    const failure = await createRpcClient(shard)
      .call('fail', {})
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'not_saved', cause: { message: 'database or disk is full' } });
  });

  it('gives up on a manager that never answers, instead of hanging the interaction', async () => {
    const { shard } = channelPair();
    await expect(createRpcClient(shard, 50).call('digests.list', {})).rejects.toThrow('no answer');
  });

  it('rejects what is still waiting when the channel closes', async () => {
    const { shard } = channelPair();
    const client = createRpcClient(shard);
    const waiting = client.call('digests.list', {});
    client.close();
    await expect(waiting).rejects.toThrow('closed');
  });
});
