import { afterEach, describe, expect, it } from 'vitest';
import { createHealthRoutes } from '../../src/app/health-routes.ts';
import { createBotMetrics } from '../../src/app/metrics.ts';

let server: { port: number; close(): Promise<void> } | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function healthz(routes: ReturnType<typeof createHealthRoutes>) {
  server = await routes.listen(0, '127.0.0.1');
  const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
  return {
    status: response.status,
    body: (await response.json()) as { status: string; components: Record<string, unknown> },
  };
}

describe('/healthz', () => {
  it('is 200 when every component is up, checking the store on each request', async () => {
    const routes = createHealthRoutes(createBotMetrics());
    let pings = 0;
    routes.setState('slack', { status: 'up' });
    routes.addCheck('store', async () => {
      pings += 1;
    });
    const result = await healthz(routes);
    expect(result).toEqual({
      status: 200,
      body: { status: 'ok', components: { slack: { status: 'up' }, store: { status: 'up' } } },
    });
    expect(pings).toBe(1);
  });

  it('is 503 and says why when the store stops answering', async () => {
    const routes = createHealthRoutes(createBotMetrics());
    routes.setState('discord', { status: 'up' });
    routes.addCheck('store', async () => {
      throw new Error('database is locked');
    });
    const result = await healthz(routes);
    expect(result.status).toBe(503);
    expect(result.body).toEqual({
      status: 'degraded',
      components: { discord: { status: 'up' }, store: { status: 'down', detail: 'database is locked' } },
    });
  });

  it('serves Prometheus metrics next to it', async () => {
    const metrics = createBotMetrics();
    metrics.commandsServed.inc({ platform: 'slack', reply_type: 'briefing' });
    server = await createHealthRoutes(metrics).listen(0, '127.0.0.1');
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toContain('eujp_commands_served_total{platform="slack",reply_type="briefing"} 1');
  });
});
