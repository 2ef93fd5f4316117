import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreMessageRefs } from '../../../src/adapters/slack/create-store-message-refs.ts';
import { toSafeSlackUrl } from '../../../src/adapters/slack/escape-slack-text.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { TOPIC_IDS } from '../../../src/core/topics/topic-ids.ts';
import { SLACK_MAX_BLOCKS_TEXT, slackBlockTextLength } from '../../fakes/fake-slack-api.ts';
import { appMentionBody, slashCommandBody } from '../../fakes/slack-requests.ts';
import { loadRealLibrary } from '../../support/test-core.ts';
import { blocksOf, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let harness: SlackHarness;
beforeEach(async () => {
  harness = await startSlackHarness();
});
afterEach(async () => {
  await harness?.stop();
});

let tsCounter = 1;
function mention(text: string, threadTs?: string) {
  const ts = `1700000500.${String(tsCounter++).padStart(6, '0')}`;
  return harness
    .post(appMentionBody({ text, ts, ...(threadTs ? { threadTs } : {}) }), 'json')
    .then((result) => ({ result, ts }));
}

describe('@eujp mentions through Bolt', () => {
  it('answers in a new thread under the mention, publicly, with the mention stripped', async () => {
    const { result, ts } = await mention('<@UBOT> quantum');
    expect(result.status).toBe(200);
    const post = await harness.api.waitForCall('chat.postMessage');
    expect(post.params).toMatchObject({ channel: 'C1', thread_ts: ts });
    expect(harness.asked.map((entry) => entry.text)).toEqual(['quantum']);
    const blocks = JSON.stringify(blocksOf(post.params));
    expect(blocks).toContain('Quantum');
    expect(blocks).not.toContain('eujp:share:');
  });

  it('answers inside the existing thread when mentioned in one', async () => {
    await mention('<@UBOT> hpc', '1700000400.000001');
    const post = await harness.api.waitForCall('chat.postMessage');
    expect(post.params.thread_ts).toBe('1700000400.000001');
  });

  it('gives the sources of its own answer when asked "sources" further down the thread', async () => {
    const { ts } = await mention('<@UBOT> semiconductors');
    await mention('<@UBOT> sources', ts);
    const answer = await harness.api.waitForCall('chat.postMessage', 2);
    expect(answer.params.thread_ts).toBe(ts);
    expect(JSON.stringify(blocksOf(answer.params))).toContain('Sources: Semiconductors');
  });

  it("gives a digest's own sources when asked in the digest's thread", async () => {
    const digest: Reply = {
      type: 'digest',
      topic: null,
      title: 'Weekly digest',
      sections: [{ paragraphs: ['Two developments [1] [2].'], items: [] }],
      sources: [
        {
          n: 1,
          title: 'Council statement',
          publisher: 'EC',
          date: '2025-05-12',
          url: 'https://example.org/a',
        },
        { n: 2, title: 'Quantum letter', publisher: 'CAO', date: '2025-05-13', url: 'https://example.org/b' },
      ],
      suggestions: [],
      actions: [],
      visibility: 'public',
      lang: 'en',
    };
    const { messageId } = await harness.adapter.publisher.publish(
      { platform: 'slack', channelId: 'C1' },
      digest,
    );
    await mention('<@UBOT> sources', messageId);
    const answer = await harness.api.waitForCall('chat.postMessage', 2);
    const rendered = JSON.stringify(blocksOf(answer.params));
    expect(rendered).toContain('Sources: Weekly digest');
    expect(rendered).toContain('<https://example.org/b|Quantum letter>');
  });

  it("lists each topic's sources for a digest remembered only by the store (after a restart)", async () => {
    await harness.stop();
    const stored = {
      platform: 'slack' as const,
      channelId: 'C1',
      messageId: '1600000000.000001',
      kind: 'digest' as const,
      topics: ['semiconductors' as const, 'quantum' as const],
      command: null,
    };
    const store = { saveMessageRef: async () => {}, findMessageRef: async () => stored };
    harness = await startSlackHarness({ messageRefs: createStoreMessageRefs(store) });
    await mention('<@UBOT> sources', stored.messageId);
    const answer = await harness.api.waitForCall('chat.postMessage');
    const rendered = JSON.stringify(blocksOf(answer.params));
    expect(rendered).toContain('Sources: Semiconductors');
    expect(rendered).toContain('Sources: Quantum');
  });

  it('escapes injection attempts it echoes back', async () => {
    await mention('<@UBOT> &lt;!channel&gt; @here zzqqxx');
    const post = await harness.api.waitForCall('chat.postMessage');
    const rendered = post.params.blocks! + post.params.text!;
    expect(rendered).toContain('&lt;!channel&gt;');
    expect(rendered).not.toMatch(/<!channel>|[^\u2060]here/);
  });

  it('keeps answering after the Web API answers 429 with Retry-After, and after a 500', async () => {
    harness.api.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await mention('<@UBOT> ai');
    harness.api.failNext('chat.postMessage', { status: 500 });
    await mention('<@UBOT> ai');
    await mention('<@UBOT> quantum');
    // The two failed answers are each followed by an apology in their thread.
    const fifth = await harness.api.waitForCall('chat.postMessage', 5);
    expect(JSON.stringify(blocksOf(fifth.params))).toContain('Quantum');
    const slash = await harness.post(
      slashCommandBody({ text: 'hpc', responseUrl: harness.api.responseUrl('r') }),
      'form',
    );
    expect(slash.status).toBe(200);
    expect(slash.body).toContain('High-performance');
  });

  it('lists every source of an all-topics digest within Slack message limits, across as many messages as it takes', async () => {
    await harness.stop();
    const stored = {
      platform: 'slack' as const,
      channelId: 'C1',
      messageId: '1600000000.000002',
      kind: 'digest' as const,
      topics: [...TOPIC_IDS],
      command: null,
    };
    const store = { saveMessageRef: async () => {}, findMessageRef: async () => stored };
    harness = await startSlackHarness({ messageRefs: createStoreMessageRefs(store) });
    await mention('<@UBOT> sources', stored.messageId);
    const second = await harness.api.waitForCall('chat.postMessage', 2);
    const parts = Number(/part 2 of (\d+)/.exec(second.params.blocks ?? '')?.[1]);
    expect(parts).toBeGreaterThan(1);
    await harness.api.waitForCall('chat.postMessage', parts);
    const posts = harness.api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(parts);
    for (const post of posts) {
      expect(post.params.thread_ts).toBe(stored.messageId);
      expect(slackBlockTextLength(blocksOf(post.params))).toBeLessThanOrEqual(SLACK_MAX_BLOCKS_TEXT);
    }
    const rendered = posts.map((post) => post.params.blocks).join('');
    expect(rendered).not.toContain('Sorry');
    const library = await loadRealLibrary();
    for (const briefing of library.briefings.values())
      for (const source of briefing.text.en.sources)
        if (source.url) expect(rendered).toContain(`<${toSafeSlackUrl(source.url)}|`);
  });

  it('apologises in the thread when Slack refuses its answer, instead of staying silent', async () => {
    harness.api.failNext('chat.postMessage', { error: 'msg_blocks_too_long' });
    const { ts } = await mention('<@UBOT> quantum');
    const apology = await harness.api.waitForCall('chat.postMessage', 2);
    expect(apology.params.thread_ts).toBe(ts);
    expect(apology.params.text).toContain('Sorry');
  });
});
