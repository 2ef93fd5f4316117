import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackAdapter, startSlackAdapter } from '../../src/adapters/slack/start-slack-adapter.ts';
import { createHealthRoutes } from '../../src/app/health-routes.ts';
import { createBotMetrics } from '../../src/app/metrics.ts';
import { loadConfig } from '../../src/config.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.ts';
import { type FakeSlackSocket, startFakeSlackSocket } from '../fakes/fake-slack-socket.ts';
import { createTestCore, silentLogger } from '../support/test-core.ts';

/** This machine's address on a real interface: what another host on the network would connect to. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
if (!outside)
  console.warn('test/app/bind-address: SKIPPED the outside-address checks — no non-loopback IPv4 interface');

const reachable = (url: string) =>
  fetch(url).then(
    (response) => response.status,
    () => 'refused' as const,
  );

const toClose: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of toClose.splice(0)) await close();
});

describe('HOST, the bind address', () => {
  it('defaults to loopback, and takes an address or host name', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(() => loadConfig({ HOST: 'not a host!' })).toThrow(/HOST: must be an IP address or a host name/);
  });

  it.skipIf(!outside)(
    'is honoured by the Socket Mode server for /healthz, which Bolt binds everywhere',
    async () => {
      const socket: FakeSlackSocket = await startFakeSlackSocket();
      const api: FakeSlackApi = await startFakeSlackApi({ answer: socket.answer });
      const health = createHealthRoutes(createBotMetrics());
      const adapter: SlackAdapter = await startSlackAdapter({
        botToken: 'xoxb-test',
        signingSecret: 'test-signing-secret',
        appToken: 'xapp-1-test',
        apiUrl: api.apiUrl,
        port: 0,
        host: '127.0.0.1',
        core: await createTestCore(),
        logger: silentLogger,
        customRoutes: health.boltRoutes(),
        clientOptions: { retryConfig: { retries: 0 } },
      });
      toClose.push(async () => {
        await adapter.stop();
        await socket.close();
        await api.close();
      });
      expect(await reachable(`http://127.0.0.1:${adapter.port}/healthz`)).toBe(200);
      expect(await reachable(`http://${outside}:${adapter.port}/healthz`)).toBe('refused');
    },
  );
});

describe('/metrics', () => {
  it.skipIf(!outside)('answers loopback clients only when no token is configured', async () => {
    const server = await createHealthRoutes(createBotMetrics()).listen(0, '0.0.0.0');
    toClose.push(() => server.close());
    expect(await reachable(`http://127.0.0.1:${server.port}/metrics`)).toBe(200);
    expect(await reachable(`http://${outside}:${server.port}/metrics`)).toBe(403);
    // Health checks come from outside (a load balancer, the container runtime): /healthz stays open.
    expect(await reachable(`http://${outside}:${server.port}/healthz`)).toBe(200);
  });

  it('needs the bearer token when EUJP_METRICS_TOKEN is set, from anywhere', async () => {
    const token = 'metrics-token-0123456789';
    const server = await createHealthRoutes(createBotMetrics(), { metricsToken: token }).listen(
      0,
      '127.0.0.1',
    );
    toClose.push(() => server.close());
    const url = `http://127.0.0.1:${server.port}/metrics`;
    const statusWith = async (authorization?: string) =>
      (await fetch(url, authorization ? { headers: { authorization } } : {})).status;
    expect(await statusWith()).toBe(401);
    expect(await statusWith('Bearer wrong-token')).toBe(401);
    expect(await statusWith(`Bearer ${token}`)).toBe(200);
  });
});
