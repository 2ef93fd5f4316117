import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_ACTION_PREFIX, slackButtonValue } from '../../../src/adapters/slack/to-slack-message.ts';
import { appMentionBody, buttonClickBody } from '../../fakes/slack-requests.ts';
import { blocksOf, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let harness: SlackHarness;
beforeEach(async () => {
  harness = await startSlackHarness();
});
afterEach(async () => {
  await harness?.stop();
});

function click(kind: 'command' | 'share', value: string, responseId = 'r1') {
  const actionId = `${SLACK_ACTION_PREFIX[kind]}${value.replace(/\W+/g, '-')}`;
  return harness.post(
    buttonClickBody({
      actionId,
      value: slackButtonValue(kind, value),
      responseUrl: harness.api.responseUrl(responseId),
    }),
    'form',
  );
}

describe('buttons through Bolt', () => {
  it('shows the numbered sources as a new private message when Sources is clicked', async () => {
    const result = await click('command', 'sources semiconductors lang=en');
    expect(result.status).toBe(200);
    const response = await harness.api.waitForResponse('r1');
    expect(response.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const rendered = JSON.stringify(response.body.blocks);
    expect(rendered).toContain('Sources: Semiconductors');
    expect(rendered).toMatch(/<https:\/\/[^|>]+\|\[1\]>/);
  });

  it('answers a related-topic button with that briefing, privately', async () => {
    await click('command', 'quantum lang=en');
    const response = await harness.api.waitForResponse('r1');
    expect(response.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(response.body.blocks)).toContain('Quantum');
  });

  it('shares a briefing with the whole channel, without a Share button, and removes the private copy', async () => {
    await click('share', 'semiconductors lang=en');
    const post = await harness.api.waitForCall('chat.postMessage');
    expect(post.params.channel).toBe('C1');
    expect(post.params.unfurl_links).toBe('false');
    const blocks = JSON.stringify(blocksOf(post.params));
    expect(blocks).toContain('Semiconductors');
    expect(blocks).toContain('Shared by alice');
    expect(blocks).not.toContain(SLACK_ACTION_PREFIX.share);
    expect(post.authorization).toBe('Bearer xoxb-test');
    const removal = await harness.api.waitForResponse('r1');
    expect(removal.body).toEqual({ delete_original: true });
  });

  it('gives the sources of a shared briefing when asked in its thread', async () => {
    await click('share', 'semiconductors lang=en');
    const shared = await harness.api.waitForCall('chat.postMessage');
    const ts = '1700000000.000100';
    expect(shared.params.text).toBeDefined();
    await harness.post(
      appMentionBody({ text: '<@UBOT> sources', ts: '1700000001.000001', threadTs: ts }),
      'json',
    );
    const answer = await harness.api.waitForCall('chat.postMessage', 2);
    expect(answer.params.thread_ts).toBe(ts);
    expect(JSON.stringify(blocksOf(answer.params))).toContain('Sources: Semiconductors');
  });

  it('falls back to response_url when the bot may not post in the channel', async () => {
    harness.api.failNext('chat.postMessage', { error: 'channel_not_found' });
    await click('share', 'quantum lang=en');
    const response = await harness.api.waitForResponse('r1');
    expect(response.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(response.body.blocks)).toContain('Quantum');
  });

  it('keeps a "no such topic" answer private instead of sharing it', async () => {
    await click('share', 'zzqqxx');
    const response = await harness.api.waitForResponse('r1');
    expect(response.body.response_type).toBe('ephemeral');
    expect(harness.api.callsTo('chat.postMessage')).toEqual([]);
  });
});
