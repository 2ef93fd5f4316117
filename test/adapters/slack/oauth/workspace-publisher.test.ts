import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackPublisher } from '../../../../src/adapters/slack/create-slack-publisher.ts';
import { createMemoryMessageRefs } from '../../../../src/adapters/slack/message-refs.ts';
import { DeliveryError } from '../../../../src/core/ports.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../../fakes/fake-slack-api.ts';
import { silentLogger } from '../../../support/test-core.ts';
import { sampleBriefing } from '../sample-replies.ts';

let api: FakeSlackApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function publisherWith(tokens: Record<string, string>, failLookup = false) {
  api = await startFakeSlackApi();
  const client = new webApi.WebClient(undefined, { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } });
  return createSlackPublisher(client, createMemoryMessageRefs(), silentLogger, async (channel) => {
    if (failLookup) throw new Error('database is locked');
    return channel.workspaceId ? tokens[channel.workspaceId] : undefined;
  });
}

describe('the Slack digest publisher with OAuth installs', () => {
  it("posts with the token of the channel's workspace", async () => {
    const publisher = await publisherWith({ T1: 'xoxb-T1', T2: 'xoxb-T2' });
    await publisher.publish({ platform: 'slack', channelId: 'C2', workspaceId: 'T2' }, sampleBriefing());
    expect(api!.callsTo('chat.postMessage')[0]?.authorization).toBe('Bearer xoxb-T2');
  });

  it('fails a digest for a workspace with no installation without calling Slack, and without disabling the channel', async () => {
    const publisher = await publisherWith({ T1: 'xoxb-T1' });
    const failure = await publisher
      .publish({ platform: 'slack', channelId: 'C9', workspaceId: 'T9' }, sampleBriefing())
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).kind).toBe('permanent');
    expect(api!.calls).toHaveLength(0);
  });

  it('retries later when the installation could not be read', async () => {
    const publisher = await publisherWith({}, true);
    const failure = await publisher
      .publish({ platform: 'slack', channelId: 'C1', workspaceId: 'T1' }, sampleBriefing())
      .catch((error: unknown) => error);
    expect((failure as DeliveryError).kind).toBe('transient');
  });
});
