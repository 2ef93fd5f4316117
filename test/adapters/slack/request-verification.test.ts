import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slashCommandBody } from '../../fakes/slack-requests.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let harness: SlackHarness;
beforeEach(async () => {
  harness = await startSlackHarness();
});
afterEach(async () => {
  await harness?.stop();
});

describe('Slack request verification', () => {
  const body = () => slashCommandBody({ text: 'quantum', responseUrl: harness.api.responseUrl('r') });

  it('rejects a request with a bad signature and never runs the command', async () => {
    const result = await harness.post(body(), 'form', { signature: `v0=${'0'.repeat(64)}` });
    expect(result.status).toBe(401);
    expect(harness.asked).toEqual([]);
  });

  it('rejects a correctly signed request whose timestamp is more than five minutes old', async () => {
    const result = await harness.post(body(), 'form', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(result.status).toBe(401);
    expect(harness.asked).toEqual([]);
  });

  it('accepts the same request when it is fresh and correctly signed', async () => {
    const result = await harness.post(body(), 'form');
    expect(result.status).toBe(200);
    expect(harness.asked.map((entry) => entry.text)).toEqual(['quantum']);
  });
});
