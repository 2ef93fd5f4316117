import { afterEach, describe, expect, it } from 'vitest';
import {
  type DiscordAdapter,
  startDiscordAdapter,
} from '../../src/adapters/discord/start-discord-adapter.ts';
import { createHealthRoutes, type HealthRoutes } from '../../src/app/health-routes.ts';
import { digestsHealthCheck, storeHealthCheck } from '../../src/app/live-health.ts';
import { createBotMetrics } from '../../src/app/metrics.ts';
import type { Core } from '../../src/core/core.ts';
import type { Store } from '../../src/core/digests/store-port.ts';
import { DeliveryError } from '../../src/core/ports.ts';
import { createSqliteStore } from '../../src/storage/sqlite/create-sqlite-store.ts';
import { createTempDir } from '../core/digests/digest-fixtures.ts';
import {
  channels,
  MONDAY_SLOT,
  startInstance,
  subscribeAll,
  WEEKLY_TOKYO,
} from '../core/digests/digest-harness.ts';
import { APP_ID } from '../fakes/discord-interactions.ts';
import { startFakeDiscordApi } from '../fakes/fake-discord-api.ts';
import { AUTHENTICATION_FAILED, startFakeDiscordGateway } from '../fakes/fake-discord-gateway.ts';
import { createFakePublisher } from '../fakes/fake-publisher.ts';
import { createVirtualTime } from '../fakes/virtual-time.ts';
import { silentLogger } from '../support/test-core.ts';

// /healthz follows live state: each case drives the real health server into what a red-team run
// found it green through, and expects 503 with the reason on the component at fault.

type Health = {
  status: number;
  body: { status: string; components: Record<string, Record<string, unknown>> };
};
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(routes: HealthRoutes): Promise<() => Promise<Health>> {
  const server = await routes.listen(0, '127.0.0.1');
  cleanups.push(() => server.close());
  return async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    return { status: response.status, body: (await response.json()) as Health['body'] };
  };
}

const unusedCore = new Proxy({} as Core, {
  get: () => {
    throw new Error('unused');
  },
});

/** The real SQLite store on a disk that has filled up: reads answer, every write fails. */
function onFullDisk(store: Store): Store {
  const reads = /^(get|list|find|latest|ping)/;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (typeof property === 'string' && (reads.test(property) || property === 'close'))
        return value.bind(target);
      return async () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      };
    },
  });
}

describe('/healthz follows live state', () => {
  it('is 503 with the close code once the Discord gateway closes 4004', async () => {
    const token = 'live-token';
    const gateway = await startFakeDiscordGateway({ token, user: { id: APP_ID, username: 'eujp' } });
    const api = await startFakeDiscordApi({ gatewayUrl: gateway.url, botToken: token });
    cleanups.push(
      () => gateway.close(),
      () => api.close(),
    );
    const adapter: DiscordAdapter = await startDiscordAdapter({
      token,
      appId: APP_ID,
      apiUrl: api.url,
      core: unusedCore,
      logger: silentLogger,
      rest: { retries: 0 },
    });
    cleanups.push(() => adapter.stop());
    const routes = createHealthRoutes(createBotMetrics());
    routes.addCheck('discord', async () => {
      const gatewayState = adapter.gatewayHealth();
      if (!gatewayState.up) throw new Error(gatewayState.detail);
    });
    const healthz = await serve(routes);
    expect((await healthz()).status).toBe(200);

    gateway.disconnectAll(AUTHENTICATION_FAILED);
    let health = await healthz();
    for (let tries = 0; health.status === 200 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      health = await healthz();
    }
    expect(health.status).toBe(503);
    expect(health.body.components.discord).toMatchObject({ status: 'down' });
    expect(String(health.body.components.discord?.detail)).toContain(String(AUTHENTICATION_FAILED));
  });

  it('is 503 for digests when due deliveries stop moving under a 429 that never lifts, and shows the wait', async () => {
    const temp = createTempDir();
    cleanups.push(() => temp.cleanup());
    const time = createVirtualTime(new Date(MONDAY_SLOT.getTime() + 1_000));
    const discord = createFakePublisher({ platform: 'discord', clock: time.clock });
    const instance = startInstance(temp.path('eujp.sqlite'), time, [discord]);
    cleanups.push(() => instance.store.close());
    await subscribeAll(instance.store, channels('discord', 3));
    discord.failNext(
      '*',
      new DeliveryError('rate_limited', 'Discord global 429', 3_600_000, 'platform'),
      1_000,
    );
    const routes = createHealthRoutes(createBotMetrics());
    routes.addCheck('digests', digestsHealthCheck(instance.service));
    const healthz = await serve(routes);

    await time.run(instance.service.runSlot(WEEKLY_TOKYO.cron, WEEKLY_TOKYO.timeZone, MONDAY_SLOT));
    await time.runUntil(() => discord.publishCalls >= 3);
    const early = await healthz();
    expect(early.status).toBe(200);
    expect(early.body.components.digests).toMatchObject({
      status: 'up',
      rateLimitWaitMs: { discord: 30_000 },
    });

    const stalledAt = time.nowMs() + 6 * 60_000;
    await time.runUntil(() => time.nowMs() >= stalledAt);
    const stalled = await healthz();
    expect(stalled.status).toBe(503);
    expect(stalled.body.components.digests).toMatchObject({ status: 'down' });
    expect(String(stalled.body.components.digests?.detail)).toMatch(/3 due digest\(s\) held, none settled/);
  });

  it('is 503 for the store on a full disk, where reads still work, probing writes at most every 10 s', async () => {
    const temp = createTempDir();
    cleanups.push(() => temp.cleanup());
    const real = createSqliteStore(temp.path('eujp.sqlite'));
    cleanups.push(() => real.close());
    let probes = 0;
    let full = false;
    const store = new Proxy(real, {
      get(target, property, receiver) {
        if (property === 'probeWrite') probes++;
        const active = full ? onFullDisk(target) : target;
        const value = Reflect.get(active, property, receiver);
        return typeof value === 'function' ? value.bind(active) : value;
      },
    });
    let monotonic = 0;
    const routes = createHealthRoutes(createBotMetrics());
    routes.addCheck('store', storeHealthCheck(store, { monotonicMs: () => monotonic }));
    const healthz = await serve(routes);
    expect((await healthz()).status).toBe(200);

    full = true;
    monotonic += 10_000;
    const health = await healthz();
    expect(health.status).toBe(503);
    expect(health.body.components.store).toEqual({
      status: 'down',
      detail: 'reads work but writes fail: database or disk is full',
    });
    // Hammering /healthz does not hammer the store: the failed probe is reused until it is due.
    for (let i = 0; i < 20; i++) expect((await healthz()).status).toBe(503);
    expect(probes).toBe(2);
  });
});
