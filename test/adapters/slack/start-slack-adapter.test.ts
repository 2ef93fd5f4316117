import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { createTestCore, silentLogger } from '../../support/test-core.ts';

let api: FakeSlackApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function options() {
  api = await startFakeSlackApi();
  return {
    botToken: 'xoxb-test',
    signingSecret: 'secret',
    apiUrl: api.apiUrl,
    port: 0,
    host: '127.0.0.1',
    core: await createTestCore(),
    logger: silentLogger,
    clientOptions: { retryConfig: { retries: 0 } },
  };
}

describe('startSlackAdapter', () => {
  it('serves custom routes such as /healthz next to /slack/events in HTTP mode', async () => {
    const adapter = await startSlackAdapter({
      ...(await options()),
      customRoutes: [
        { path: '/healthz', method: ['GET'], handler: (_req, res: ServerResponse) => res.end('ok') },
      ],
    });
    try {
      const response = await fetch(`http://127.0.0.1:${adapter.port}/healthz`);
      expect(await response.text()).toBe('ok');
    } finally {
      await adapter.stop();
    }
  });

  it('refuses to start with a bot token Slack rejects, naming the variable', async () => {
    const base = await options();
    api!.failNext('auth.test', { error: 'invalid_auth' });
    await expect(startSlackAdapter(base)).rejects.toThrow('SLACK_BOT_TOKEN (auth.test failed): invalid_auth');
  });

  it('opens Socket Mode through SLACK_API_URL with the app token, and names it when Slack rejects it', async () => {
    const base = await options();
    api!.failNext('apps.connections.open', { error: 'invalid_auth' });
    await expect(startSlackAdapter({ ...base, appToken: 'xapp-test' })).rejects.toThrow(
      'SLACK_APP_TOKEN (apps.connections.open failed): invalid_auth',
    );
    expect(api!.callsTo('apps.connections.open')[0]?.authorization).toBe('Bearer xapp-test');
  });
});
