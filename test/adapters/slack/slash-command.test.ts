import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core.ts';
import { slashCommandBody } from '../../fakes/slack-requests.ts';
import { createTestCore } from '../../support/test-core.ts';
import { sampleBriefing } from './sample-replies.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function slash(text: string, options: Parameters<typeof startSlackHarness>[0] = {}) {
  harness ??= await startSlackHarness(options);
  const result = await harness.post(
    slashCommandBody({ text, responseUrl: harness.api.responseUrl('r1') }),
    'form',
  );
  return { status: result.status, body: result.body ? result.json() : {} };
}

describe('/eujp through Bolt', () => {
  it('answers a topic in the ack itself, privately, as a Block Kit briefing with buttons', async () => {
    const { status, body } = await slash('semiconductors');
    expect(status).toBe(200);
    expect(body.response_type).toBe('ephemeral');
    const blocks = body.blocks as Array<{
      type: string;
      text?: { text: string; verbatim?: boolean };
      elements?: Array<{ text: { text: string }; value: string }>;
    }>;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Semiconductors' } });
    expect(blocks.filter((block) => block.type === 'section').every((block) => block.text?.verbatim)).toBe(
      true,
    );
    expect(JSON.stringify(blocks)).toMatch(/<https:\/\/[^|>]+\|\[1\]>/);
    const buttons = blocks.find((block) => block.type === 'actions')!.elements!;
    expect(buttons.map((button) => button.text.text)).toEqual(
      expect.arrayContaining(['Sources', 'Share in channel']),
    );
    expect(buttons.find((button) => button.text.text === 'Sources')!.value).toMatch(
      /^sources semiconductors/,
    );
    expect(harness!.api.responses).toEqual([]);
  });

  it('tells the core which channel and workspace asked, and that any member may manage digests', async () => {
    await slash('subscriptions');
    expect(harness!.asked[0]).toEqual({
      text: 'subscriptions',
      context: {
        platform: 'slack',
        channel: { platform: 'slack', channelId: 'C1', workspaceId: 'T1' },
        userId: 'U1',
        canManageChannel: true,
      },
    });
  });

  it('answers an empty command with help', async () => {
    const { body } = await slash('');
    expect((body.blocks as unknown[]).length).toBeGreaterThan(1);
    expect(JSON.stringify(body)).toContain('/eujp');
  });

  it('says subscribing is not available yet rather than failing', async () => {
    const { body } = await slash('subscribe daily 09:00');
    expect(JSON.stringify(body)).toMatch(/not available/i);
  });

  it('echoes mention-injection attempts back escaped, so nobody is pinged', async () => {
    // Slack sends what the user typed with &, < and > as entities.
    const typed = '<!channel> <!here> <@U123> @everyone &lt; zzqqxx';
    const { body } = await slash(
      typed.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
    );
    const rendered = JSON.stringify(body);
    expect(rendered).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; @\u2060everyone &amp;lt;');
    expect(rendered).not.toMatch(/<!channel>|<!here>|<@U123>|[^\u2060]everyone/);
  });

  it('gives a 10,000-character query a friendly, short reply', async () => {
    const { status, body } = await slash('semiconductors '.repeat(700));
    expect(status).toBe(200);
    const rendered = JSON.stringify(body);
    expect(rendered).toMatch(/longer than I can read/);
    expect(rendered.length).toBeLessThan(2000);
  });

  it('acks empty and answers through response_url when the core is slower than the ack budget', async () => {
    const real = await createTestCore();
    const slow: Core = {
      ...real,
      handle: async (text, context) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return real.handle(text, context);
      },
    };
    const { status, body } = await slash('quantum', { core: slow, ackBudgetMs: 5 });
    expect(status).toBe(200);
    expect(body).toEqual({});
    const late = await harness!.api.waitForResponse('r1');
    expect(late.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Quantum') });
  });

  it('apologises briefly when the core throws', async () => {
    const broken: Core = {
      ...(await createTestCore()),
      handle: async () => Promise.reject(new Error('boom')),
    };
    const { body } = await slash('quantum', { core: broken });
    expect(JSON.stringify(body)).toContain('Sorry, something went wrong');
    expect(JSON.stringify(body)).not.toContain('boom');
  });

  it('posts a public reply in the channel', async () => {
    const real = await createTestCore();
    const loud: Core = { ...real, handle: async () => sampleBriefing({ visibility: 'public' }) };
    const { body } = await slash('anything', { core: loud });
    expect(body.response_type).toBe('in_channel');
  });
});
