import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { capRetryAfter } from '../../../src/adapters/slack/cap-retry-after.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/fake-slack-api.ts';

let api: FakeSlackApi | undefined;
const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
afterEach(async () => {
  process.off('warning', onWarning);
  warnings.length = 0;
  await api?.close();
});

describe('the Web API clients under a 429 asking for 3,000,000 s', () => {
  it('pause for the cap, not a timer Node cannot hold, and then try again', async () => {
    api = await startFakeSlackApi();
    process.on('warning', onWarning);
    api.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 3_000_000 });
    // As the interactive client is set up, with a 1-second cap to keep the test short.
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: api.apiUrl,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
      fetch: capRetryAfter(1),
    });
    const result = await client.chat.postMessage({ channel: 'C1', text: 'hello' });
    expect(result.ok).toBe(true);
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(warnings.map((warning) => warning.name)).not.toContain('TimeoutOverflowWarning');
  });

  it('pass a Retry-After within the cap through unchanged', async () => {
    api = await startFakeSlackApi();
    api.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 2 });
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: api.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      fetch: capRetryAfter(30),
    });
    const error = await client.chat.postMessage({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect((error as webApi.WebAPIRateLimitedError).retryAfter).toBe(2);
  });
});
