import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackButtonValue } from '../../../src/adapters/slack/to-slack-message.ts';
import { appMentionBody, buttonClickBody, slashCommandBody } from '../../fakes/slack-requests.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let harness: SlackHarness;
beforeEach(async () => {
  harness = await startSlackHarness();
});
afterEach(async () => {
  await harness?.stop();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
const slash = (text: string) => slashCommandBody({ text, responseUrl: harness.api.responseUrl('r') });

describe('signed requests whose body is not an object', () => {
  it('answers 400 to payload=null and to a JSON body null, and keeps answering', async () => {
    const form = await harness.post('payload=null', 'form');
    const json = await harness.post('null', 'json');
    const array = await harness.post('[1]', 'json');
    expect([form.status, json.status, array.status]).toEqual([400, 400, 400]);

    const next = await harness.post(slash('quantum'), 'form');
    expect(next.status).toBe(200);
    expect(harness.asked.map((entry) => entry.text)).toEqual(['quantum']);
  });
});

describe('replayed and future-dated requests', () => {
  it('refuses a signed request sent a second time, so a replayed "unsubscribe all" changes nothing', async () => {
    const body = slash('unsubscribe all');
    const timestamp = nowSeconds();
    const first = await harness.post(body, 'form', { timestamp });
    const replay = await harness.post(body, 'form', { timestamp });
    expect([first.status, replay.status]).toEqual([200, 401]);
    expect(harness.asked.map((entry) => entry.text)).toEqual(['unsubscribe all']);
  });

  it('refuses a replayed button press too', async () => {
    const body = buttonClickBody({
      actionId: 'eujp:command:sources-quantum',
      value: slackButtonValue('command', 'sources quantum'),
      responseUrl: harness.api.responseUrl('b'),
    });
    const timestamp = nowSeconds();
    await harness.post(body, 'form', { timestamp });
    const replay = await harness.post(body, 'form', { timestamp });
    expect(replay.status).toBe(401);
    expect(harness.asked).toHaveLength(1);
  });

  it('refuses a timestamp more than a minute ahead of our clock, and accepts small skew', async () => {
    const future = await harness.post(slash('hpc'), 'form', { timestamp: nowSeconds() + 3600 });
    expect(future.status).toBe(401);
    const skewed = await harness.post(slash('ai'), 'form', { timestamp: nowSeconds() + 30 });
    expect(skewed.status).toBe(200);
    expect(harness.asked.map((entry) => entry.text)).toEqual(['ai']);
  });
});

describe('Slack event retries', () => {
  it('answers an app_mention once, however often Slack retries it with the same event_id', async () => {
    const body = appMentionBody({ text: '<@UBOT> quantum', ts: '1700000600.000001' });
    // Each retry is a new request: a new timestamp, so a new signature.
    const retry = (n: number) => ({
      timestamp: nowSeconds() - 30 + n * 10,
      headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' },
    });
    const first = await harness.post(body, 'json', { timestamp: nowSeconds() - 30 });
    const retries = [await harness.post(body, 'json', retry(1)), await harness.post(body, 'json', retry(2))];
    // Slack must hear 200 for the retries too, or it keeps retrying.
    expect([first.status, ...retries.map((retry) => retry.status)]).toEqual([200, 200, 200]);

    // A different mention afterwards proves the handler ran to completion for everything before.
    await harness.post(appMentionBody({ text: '<@UBOT> hpc', ts: '1700000600.000002' }), 'json');
    await harness.api.waitForCall('chat.postMessage', 2);
    expect(harness.asked.map((entry) => entry.text)).toEqual(['quantum', 'hpc']);
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(2);
  });
});

describe('buttons pressed outside any channel (a view, App Home)', () => {
  /** A button press whose payload names no channel, as from a modal or App Home. */
  const pressWithoutChannel = (n: number) => {
    const form = new URLSearchParams(
      buttonClickBody({
        actionId: 'eujp:command:quantum',
        value: slackButtonValue('command', 'quantum'),
        responseUrl: harness.api.responseUrl(`p${n}`),
      }),
    );
    const payload = JSON.parse(form.get('payload') ?? '{}');
    delete payload.channel;
    payload.container = { type: 'view', view_id: 'V1' };
    payload.actions[0].action_ts = `1700000000.${String(n).padStart(6, '0')}`;
    form.set('payload', JSON.stringify(payload));
    return harness.post(form.toString(), 'form');
  };

  it('are rate-limited by user: 60 quick presses do not get 60 briefings', async () => {
    for (let n = 0; n < 60; n++) expect((await pressWithoutChannel(n)).status).toBe(200);
    const answers = harness.api.responses.map((response) => JSON.stringify(response.body.blocks));
    expect(answers).toHaveLength(60);
    const briefings = answers.filter((answer) => answer.includes('Quantum'));
    const refused = answers.filter((answer) => answer.includes('Slow down a little'));
    expect(briefings.length).toBeLessThanOrEqual(20);
    expect(refused.length).toBe(60 - briefings.length);
  });
});

describe('buttons the bot never issued', () => {
  it('refuses a forged Share button privately: nothing is posted and the core is not asked', async () => {
    const forged = buttonClickBody({
      actionId: 'eujp:share:search',
      value: 'search https://evil.example/phish',
      responseUrl: harness.api.responseUrl('forged'),
    });
    expect((await harness.post(forged, 'form')).status).toBe(200);
    const answer = await harness.api.waitForResponse('forged');
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(answer.body)).toContain('no longer supported');
    expect(harness.asked).toEqual([]);
    expect(harness.api.callsTo('chat.postMessage')).toEqual([]);
  });
});
