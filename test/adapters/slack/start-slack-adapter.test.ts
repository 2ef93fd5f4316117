import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AdapterStartError } from '../../../src/adapters/adapter-start-error.ts';
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
    const refusal = startSlackAdapter(base);
    await expect(refusal).rejects.toThrow('Slack rejected SLACK_BOT_TOKEN (auth.test failed): invalid_auth');
    // A refusal is permanent: the bot does not retry it.
    await expect(refusal).rejects.toMatchObject({ permanent: true });
  });

  it('says Slack is unreachable, naming SLACK_API_URL, rather than blaming the token', async () => {
    const base = await options();
    await api?.close();
    api = undefined;
    const failure = await startSlackAdapter(base).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AdapterStartError);
    expect((failure as AdapterStartError).message).toMatch(
      `Slack unreachable at SLACK_API_URL=${base.apiUrl}`,
    );
    expect((failure as AdapterStartError).message).not.toMatch(/rejected/);
    expect((failure as AdapterStartError).permanent).toBe(false);
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
