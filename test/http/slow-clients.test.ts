import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealthRoutes } from '../../src/app/health-routes.ts';
import { createBotMetrics } from '../../src/app/metrics.ts';
import { DEFAULT_HTTP_LIMITS, type HttpServerLimits } from '../../src/http/harden-http-server.ts';
import { type SlackHarness, startSlackHarness } from '../adapters/slack/slack-harness.ts';

// Short limits so a test can watch a slow client being cut off; production uses the defaults.
const QUICK: HttpServerLimits = {
  ...DEFAULT_HTTP_LIMITS,
  headersTimeoutMs: 300,
  requestTimeoutMs: 600,
  checkIntervalMs: 50,
  maxConnections: 50,
};

/** A slowloris client: starts a request and never finishes its headers. Resolves when the server hangs up. */
function slowClient(port: number): { closed: Promise<string>; socket: Socket } {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', () => {});
  socket.write('POST /slack/events HTTP/1.1\r\nHost: eujp\r\nX-Slow: 1\r\n');
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  return { closed, socket };
}

const toClose: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of toClose.splice(0)) await close();
});

describe('slow clients (slowloris)', () => {
  it('are cut off by the Slack HTTP server once the header timeout passes', async () => {
    const harness: SlackHarness = await startSlackHarness({ httpLimits: QUICK });
    toClose.push(() => harness.stop());
    const clients = Array.from({ length: 20 }, () => slowClient(harness.adapter.port));
    const answers = await Promise.all(clients.map((client) => client.closed));
    expect(answers.every((answer) => answer.startsWith('HTTP/1.1 408'))).toBe(true);
  });

  it('are cut off by the health and metrics server too', async () => {
    const health = createHealthRoutes(createBotMetrics());
    const server = await health.listen(0, '127.0.0.1', QUICK);
    toClose.push(() => server.close());
    const client = slowClient(server.port);
    expect(await client.closed).toMatch(/^HTTP\/1\.1 408/);
    const healthy = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(healthy.status).toBe(200);
  });

  it('have sensible production defaults, far below Node’s five minutes', () => {
    expect(DEFAULT_HTTP_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(15_000);
    expect(DEFAULT_HTTP_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(60_000);
    expect(DEFAULT_HTTP_LIMITS.checkIntervalMs).toBeLessThanOrEqual(5_000);
  });
});
