import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { fakeWorkspace, walkInstallFlow } from '../../../fakes/slack-oauth.ts';
import { type OAuthHarness, startOAuthHarness } from './oauth-harness.ts';

const one = fakeWorkspace(1);

/** Just enough of Slack's Socket Mode endpoint for the client to connect: it says hello. */
async function startSocketModeEndpoint(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (socket) => {
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let harness: OAuthHarness | undefined;
let endpoint: Awaited<ReturnType<typeof startSocketModeEndpoint>> | undefined;
afterEach(async () => {
  await harness?.stop();
  await endpoint?.close();
  harness = undefined;
  endpoint = undefined;
});

describe('Slack OAuth installs in Socket Mode', () => {
  it('serves the install flow on PORT next to the socket connection', async () => {
    const socket = await startSocketModeEndpoint();
    endpoint = socket;
    const port = await freePort();
    harness = await startOAuthHarness([one], {
      appToken: 'xapp-test',
      port,
      answer: (call) => (call.method === 'apps.connections.open' ? { ok: true, url: socket.url } : undefined),
    });

    const walk = await walkInstallFlow(`http://127.0.0.1:${port}`, one.code);

    expect(walk.authorizeUrl.searchParams.get('state')).toBeTruthy();
    expect(walk.callback.status).toBe(200);
    expect(harness.api.callsTo('apps.connections.open')[0]?.authorization).toBe('Bearer xapp-test');
    const stored = await harness.store.findInstallation({ platform: 'slack', workspaceId: 'T1' });
    expect(stored?.installation).toMatchObject({ bot: { token: one.botToken } });
  });
});
