import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/digests/store-port.ts';
import { createPostgresStore } from '../../../src/storage/postgres/create-postgres-store.ts';
import { startTcpProxy, type TcpProxy } from '../../fakes/tcp-proxy.ts';
import {
  createTestSchema,
  PG_SKIP_REASON,
  TEST_PG_URL,
  type TestSchema,
  warnIfPostgresSkipped,
} from '../postgres-test-schema.ts';

// A partition (connections open, nothing answers) must fail a query after the pool's time limit,
// not hold it, and every caller behind it, until the network comes back.
warnIfPostgresSkipped('test/storage/postgres timeouts');

describe.skipIf(!TEST_PG_URL)(`the Postgres pool's time limits (${PG_SKIP_REASON})`, () => {
  let schema: TestSchema;
  let proxy: TcpProxy;
  let store: Store;
  const channel = { platform: 'slack', channelId: 'C1' } as const;

  beforeAll(async () => {
    const url = new URL(TEST_PG_URL as string);
    schema = await createTestSchema(url.href);
    proxy = await startTcpProxy(Number(url.port || 5432));
    url.host = `127.0.0.1:${proxy.port}`;
    store = await createPostgresStore(url.href, {
      schema: schema.name,
      maxConnections: 2,
      timeouts: { connectMs: 300, queryMs: 300, idleMs: 60_000 },
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await store?.close().catch(() => {});
    await schema?.drop();
  });

  it('answers through the proxy while it forwards', async () => {
    expect(await store.listChannelSubscriptions(channel)).toEqual([]);
  });

  it('fails a query on an open connection that gets no answer', async () => {
    proxy.freeze();
    await expect(store.listChannelSubscriptions(channel)).rejects.toThrow(/timeout/i);
  });

  it('fails to open a new connection that gets no answer', async () => {
    await Promise.allSettled([
      store.getLanguage(channel),
      store.getLanguage(channel),
      store.getLanguage(channel),
    ]);
    await expect(store.ping()).rejects.toThrow(/timeout/i);
  });
});
