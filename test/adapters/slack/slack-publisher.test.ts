import { type AddressInfo, createServer } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackPublisher } from '../../../src/adapters/slack/create-slack-publisher.ts';
import { createMemoryMessageRefs } from '../../../src/adapters/slack/message-refs.ts';
import { DeliveryError, type Publisher } from '../../../src/core/ports.ts';
import type { FakeFailure } from '../../fakes/fake-slack-api.ts';
import { silentLogger } from '../../support/test-core.ts';
import { sampleBriefing } from './sample-replies.ts';
import { blocksOf, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let harness: SlackHarness;
beforeEach(async () => {
  harness = await startSlackHarness();
});
afterEach(async () => {
  await harness?.stop();
});

const channel = { platform: 'slack' as const, channelId: 'C42', workspaceId: 'T1' };
const digest = sampleBriefing({ type: 'digest', title: 'Daily digest', visibility: 'private' });

async function failureOf(publisher: Publisher): Promise<DeliveryError> {
  const error = await publisher.publish(channel, digest).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('the Slack publisher', () => {
  it('posts a digest publicly with chat.postMessage and returns its ts', async () => {
    const { messageId } = await harness.adapter.publisher.publish(channel, digest);
    const call = await harness.api.waitForCall('chat.postMessage');
    expect(messageId).toBe('1700000000.000100');
    expect(call.params).toMatchObject({ channel: 'C42', unfurl_links: 'false', unfurl_media: 'false' });
    expect(call.params.link_names).toBeUndefined();
    expect(call.params.parse).toBeUndefined();
    const rendered = JSON.stringify(blocksOf(call.params));
    expect(rendered).toContain('Daily digest');
    expect(rendered).not.toContain('eujp:share:');
  });

  it('reports a 429 as rate_limited with Slack’s Retry-After, without waiting for it', async () => {
    harness.api.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 30 });
    const error = await failureOf(harness.adapter.publisher);
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(30_000);
  });

  const cases: Array<[string, FakeFailure, DeliveryError['kind']]> = [
    ['a missing channel', { error: 'channel_not_found' }, 'gone'],
    ['an archived channel', { error: 'is_archived' }, 'gone'],
    ['a private channel the bot was removed from', { error: 'not_in_channel' }, 'gone'],
    ['a revoked or wrong token', { error: 'invalid_auth' }, 'permanent'],
    ['an uninstalled app', { error: 'account_inactive' }, 'permanent'],
    ['blocks Slack refuses', { error: 'invalid_blocks' }, 'permanent'],
    // Slack failed while handling the post: it may have been posted, so not a plain retry.
    ['a Slack-side hiccup', { error: 'internal_error' }, 'ambiguous'],
    ['a fatal Slack error', { error: 'fatal_error' }, 'ambiguous'],
    ['an HTTP 500', { status: 500 }, 'ambiguous'],
    ['Slack unavailable before handling it', { error: 'service_unavailable' }, 'transient'],
  ];
  it.each(cases)('reports %s as %s', async (_what, failure, kind) => {
    harness.api.failNext('chat.postMessage', failure);
    expect((await failureOf(harness.adapter.publisher)).kind).toBe(kind);
  });

  it('reports an unreachable Slack (connection refused: nothing sent) as transient', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: `http://127.0.0.1:${closedPort}/api/`,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const publisher = createSlackPublisher(client, createMemoryMessageRefs(), silentLogger);
    expect((await failureOf(publisher)).kind).toBe('transient');
  });

  it('still reports success when remembering the message fails, so the digest is not sent twice', async () => {
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: harness.api.apiUrl,
      retryConfig: { retries: 0 },
    });
    const refs = { remember: () => Promise.reject(new Error('store down')), recall: async () => undefined };
    const publisher = createSlackPublisher(client, refs, silentLogger);
    await expect(publisher.publish(channel, digest)).resolves.toEqual({ messageId: expect.any(String) });
  });
});
