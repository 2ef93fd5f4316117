import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreMessageRefs } from '../../../src/adapters/slack/create-store-message-refs.ts';
import { SLACK_ACTION_PREFIX, slackButtonValue } from '../../../src/adapters/slack/to-slack-message.ts';
import type { Store } from '../../../src/core/digests/store-port.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { createSqliteStore } from '../../../src/storage/sqlite/create-sqlite-store.ts';
import { createTempDir } from '../../core/digests/digest-fixtures.ts';
import { appMentionBody, buttonClickBody } from '../../fakes/slack-requests.ts';
import { blocksOf, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let temp: ReturnType<typeof createTempDir>;
let store: Store;
let harness: SlackHarness;

async function startBot(): Promise<void> {
  harness = await startSlackHarness({ messageRefs: createStoreMessageRefs(store) });
}

beforeEach(async () => {
  temp = createTempDir();
  store = createSqliteStore(temp.path('eujp.sqlite'));
  await startBot();
});
afterEach(async () => {
  await harness?.stop();
  await store.close();
  temp.cleanup();
});

let tsCounter = 1;
async function mention(text: string, threadTs?: string): Promise<string> {
  const ts = `1700000900.${String(tsCounter++).padStart(6, '0')}`;
  await harness.post(appMentionBody({ text, ts, ...(threadTs ? { threadTs } : {}) }), 'json');
  return ts;
}

/** Asks `sources` in the thread now and again after a restart; returns both answers' blocks. */
async function sourcesBeforeAndAfterRestart(threadTs: string): Promise<[string, string]> {
  const before = harness.api.callsTo('chat.postMessage').length;
  await mention('<@UBOT> sources', threadTs);
  const first = await harness.api.waitForCall('chat.postMessage', before + 1);
  await harness.stop();
  await startBot();
  await mention('<@UBOT> sources', threadTs);
  const second = await harness.api.waitForCall('chat.postMessage');
  expect(second.params.thread_ts).toBe(threadTs);
  return [JSON.stringify(blocksOf(first.params)), JSON.stringify(blocksOf(second.params))];
}

describe('`sources` in a thread after a restart', () => {
  it("answers in a mention answer's thread as before, in Japanese", async () => {
    const root = await mention('<@UBOT> quantum lang=ja');
    await harness.api.waitForCall('chat.postMessage');
    const [before, after] = await sourcesBeforeAndAfterRestart(root);
    expect(before).toContain('出典：');
    expect(after).toBe(before);
    expect(after).not.toContain('Usage');
  });

  it('answers under a shared Japanese briefing as before, in Japanese', async () => {
    const value = 'semiconductors lang=ja';
    await harness.post(
      buttonClickBody({
        actionId: `${SLACK_ACTION_PREFIX.share}semiconductors-lang-ja`,
        value: slackButtonValue('share', value),
        responseUrl: harness.api.responseUrl('r1'),
        isEphemeral: false,
      }),
      'form',
    );
    const shared = await harness.api.waitForCall('chat.postMessage');
    // The fake Slack API numbers messages from this ts.
    const sharedTs = '1700000000.000100';
    expect(shared.params.channel).toBe('C1');
    const [before, after] = await sourcesBeforeAndAfterRestart(sharedTs);
    expect(before).toContain('出典：');
    expect(after).toBe(before);
  });

  it("answers in a digest's thread with the digest's own sources, as before", async () => {
    const digest: Reply = {
      type: 'digest',
      topic: null,
      title: '週次ダイジェスト',
      sections: [
        {
          paragraphs: ['二つの進展 [1] [2]。'],
          items: [
            { text: '量子', topic: 'quantum' },
            { text: 'AI', topic: 'ai' },
          ],
        },
      ],
      sources: [
        { n: 1, title: '共同声明', publisher: 'EC', date: '2025-05-12', url: 'https://example.org/a' },
        { n: 2, title: '書簡', publisher: 'CAO', date: '2025-05-13', url: 'https://example.org/b' },
      ],
      suggestions: [],
      actions: [],
      visibility: 'public',
      lang: 'ja',
    };
    const { messageId } = await harness.adapter.publisher.publish(
      { platform: 'slack', channelId: 'C1' },
      digest,
    );
    // The scheduler confirms the delivery after the publisher remembered the message.
    await store.saveMessageRef(
      {
        platform: 'slack',
        channelId: 'C1',
        messageId,
        kind: 'digest',
        topics: ['quantum', 'ai'],
        command: null,
      },
      new Date(),
    );
    const [before, after] = await sourcesBeforeAndAfterRestart(messageId);
    expect(before).toContain('出典：週次ダイジェスト');
    expect(before).toContain('<https://example.org/b|');
    expect(after).toBe(before);
  });
});
