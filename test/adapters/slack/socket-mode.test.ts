import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type SlackAdapter, startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { type FakeSlackSocket, startFakeSlackSocket } from '../../fakes/fake-slack-socket.ts';
import { appMentionBody, slashCommandBody } from '../../fakes/slack-requests.ts';
import { createTestCore, silentLogger } from '../../support/test-core.ts';
import { blocksOf } from './slack-harness.ts';

let socket: FakeSlackSocket;
let api: FakeSlackApi;
let adapter: SlackAdapter | undefined;

beforeEach(async () => {
  socket = await startFakeSlackSocket();
  api = await startFakeSlackApi({ answer: socket.answer });
  adapter = await startSlackAdapter({
    botToken: 'xoxb-test',
    // No signing secret: Socket Mode never receives a signed HTTP request.
    appToken: 'xapp-1-test',
    apiUrl: api.apiUrl,
    port: 0,
    host: '127.0.0.1',
    core: await createTestCore(),
    logger: silentLogger,
    clientOptions: { retryConfig: { retries: 0 } },
  });
});

afterEach(async () => {
  await adapter?.stop();
  adapter = undefined;
  await socket.close();
  await api.close();
});

/** `/eujp <typed>` as a Socket Mode envelope; the payload carries the same fields as the HTTP form. */
function slash(typed: string) {
  const form = slashCommandBody({ text: typed, responseUrl: api.responseUrl('slash') });
  return socket.deliver('slash_commands', Object.fromEntries(new URLSearchParams(form)));
}

function mention(text: string, ts: string) {
  return socket.deliver('events_api', JSON.parse(appMentionBody({ text, ts })));
}

/** What Slack gets as the ack of a slash command, rendered to one string. */
async function slashReply(typed: string): Promise<string> {
  const ack = await slash(typed);
  return JSON.stringify(ack.payload);
}

/**
 * Drops the connection and skips the client's pause before reconnecting (clientPingTimeout, 5 s,
 * times the failures in a row), so the test proves the reconnect without waiting for it. Only
 * setTimeout is faked, and only until the second apps.connections.open goes out; sockets and
 * HTTP keep running on real time.
 */
async function dropAndSkipReconnectDelay(): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    socket.dropAll();
    for (let turn = 0; turn < 200 && api.callsTo('apps.connections.open').length < 2; turn += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      vi.advanceTimersByTime(1000);
    }
  } finally {
    vi.useRealTimers();
  }
}

describe('Slack in Socket Mode, over a real WebSocket', () => {
  it('connects with the app token and the URL apps.connections.open returned', async () => {
    expect(socket.hellos).toBe(1);
    expect(api.callsTo('apps.connections.open').map((call) => call.authorization)).toEqual([
      'Bearer xapp-1-test',
    ]);
  });

  it('answers /eujp semiconductors inside the ack with the Block Kit briefing', async () => {
    const ack = await slash('semiconductors');
    const blocks = (ack.payload?.blocks ?? []) as Array<Record<string, unknown>>;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Semiconductors' } });
    expect(ack.payload?.response_type).toBe('ephemeral');
    // The answer travelled in the ack, so response_url was never needed.
    expect(api.responses).toEqual([]);
  });

  it('acks an @eujp mention at once and answers it in a thread through chat.postMessage', async () => {
    const ack = await mention('<@UBOT> semiconductors', '1700000600.000001');
    expect(ack.payload ?? {}).toEqual({});
    const post = await api.waitForCall('chat.postMessage');
    expect(post.params).toMatchObject({ channel: 'C1', thread_ts: '1700000600.000001' });
    expect(post.authorization).toBe('Bearer xoxb-test');
    expect(JSON.stringify(blocksOf(post.params))).toContain('Semiconductors');
  });

  it('echoes <!channel> and friends back escaped, so nobody is pinged', async () => {
    // Slack sends what the user typed with &, < and > as entities, in Socket Mode as over HTTP.
    const typed = '<!channel> <!here> <@U123> zzqqxx';
    const rendered = await slashReply(
      typed.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
    );
    expect(rendered).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;');
    expect(rendered).not.toMatch(/<!channel>|<!here>|<@U123>/);
  });

  it('reconnects with a fresh apps.connections.open after Slack drops the connection, and answers again', async () => {
    expect(await slashReply('semiconductors')).toContain('Semiconductors');
    await dropAndSkipReconnectDelay();
    await socket.waitForHello(2);
    expect(api.callsTo('apps.connections.open').map((call) => call.authorization)).toEqual([
      'Bearer xapp-1-test',
      'Bearer xapp-1-test',
    ]);
    expect(await slashReply('quantum')).toContain('Quantum');
  });
});
