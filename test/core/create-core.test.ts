import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.ts';
import type { DigestCommands } from '../../src/core/digests/digest-commands.ts';
import type { RequestContext } from '../../src/core/ports.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createTestCore } from '../support/test-core.ts';

let core: Core;
beforeAll(async () => {
  core = await createTestCore();
});

const slackChannel: RequestContext = {
  channel: { platform: 'slack', channelId: 'C1', workspaceId: 'T1' },
  userId: 'U1',
  canManageChannel: true,
};
const allText = (reply: Reply) =>
  [
    reply.title,
    reply.summary ?? '',
    ...reply.sections.flatMap((s) => [
      s.heading ?? '',
      ...s.paragraphs,
      ...s.items.map((i) => `${i.label ?? ''} ${i.text}`),
    ]),
  ].join('\n');

describe('answering a topic', () => {
  it('gives a dated briefing with numbered claims, its sources and buttons as intents', async () => {
    const reply = await core.handle('/eujp semiconductors', {});
    expect(reply).toMatchObject({
      type: 'briefing',
      topic: 'semiconductors',
      title: 'Semiconductors',
      visibility: 'private',
      lang: 'en',
    });
    expect(reply.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(reply.footer).toMatch(
      /^As of \d{1,2} \w+ \d{4}, (\d+ \w+ ago|today|yesterday)( · checked \d{1,2} \w+ \d{4})? · \d+ sources$/,
    );
    expect(allText(reply)).toMatch(/\[1\]/);
    expect(reply.sources[0]).toMatchObject({ n: 1, url: expect.stringMatching(/^https:\/\//) });
    expect(reply.actions.map((action) => action.command)).toEqual(
      expect.arrayContaining(['sources semiconductors lang=en', 'semiconductors lang=en']),
    );
    for (const action of reply.actions) expect(action.command.length).toBeLessThanOrEqual(80);
  });

  it('answers a typo, a plural and a Japanese term with the same briefing', async () => {
    for (const query of ['semiconducters', 'Chips', '半導体']) {
      expect((await core.handle(query, {})).topic).toBe('semiconductors');
    }
  });

  it('says so and suggests topics when nothing matches well, never a wrong briefing', async () => {
    const reply = await core.handle('pizza recipe', {});
    expect(reply.type).toBe('not_found');
    expect(reply.topic).toBeNull();
    expect(allText(reply)).toContain('“pizza recipe”');
    expect(reply.actions.length).toBeGreaterThan(0);
  });

  it('lists the numbered sources for "sources <topic>" and "<topic> sources"', async () => {
    const first = await core.handle('sources quantum', {});
    const second = await core.handle('quantum sources', {});
    expect(first.type).toBe('sources');
    expect(first.sections[0]?.items[0]?.label).toBe('[1]');
    expect(second.sources).toEqual(first.sources);
  });
});

describe('help, topics, search and timeline', () => {
  it('shows help with every command and topic for empty input in a chat channel', async () => {
    const reply = await core.handle('', { channel: { platform: 'slack', channelId: 'C1' } });
    expect(reply.type).toBe('help');
    expect(allText(reply)).toContain('/eujp subscribe');
    expect(allText(reply)).toContain('Digital identity');
  });

  it('leaves the digest commands out of help where there is no chat channel (the ask CLI)', async () => {
    const reply = await core.handle('', {});
    expect(allText(reply)).toContain('/eujp search');
    expect(allText(reply)).not.toContain('/eujp subscribe');
  });

  it('lists all ten topics in their stable order', async () => {
    const reply = await core.handle('topics', {});
    expect(reply.sections[0]?.items.map((item) => item.topic)).toEqual([
      'partnership',
      'ai',
      '5g-6g',
      'semiconductors',
      'hpc',
      'quantum',
      'cybersecurity',
      'digital-identity',
      'data-flows',
      'platforms',
    ]);
  });

  it('ranks search matches with a snippet that shows the words', async () => {
    const reply = await core.handle('search adequacy', {});
    expect(reply.type).toBe('search');
    expect(reply.suggestions[0]).toBe('data-flows');
    expect(reply.sections[0]?.items[0]?.text.toLowerCase()).toContain('adequacy');
  });

  it('gives the timeline newest first, filtered by topic, each entry dated and cited', async () => {
    const reply = await core.handle('timeline quantum', {});
    const items = reply.sections[0]?.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    const dates = items.map((item) => item.date!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(items[0]?.text).toMatch(/\[\d+\]$/);
    expect(reply.sources.length).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  it.each([
    ['10,000 characters', 'x'.repeat(10_000)],
    ['control characters', '\u0000\u0007\u001b[31m'],
    ['only punctuation', '?!.,;:'],
    ['mention syntax', '<!channel> @everyone <@U123> <@&456>'],
    ['RTL override', '\u202Etpircs'],
    ['emoji', '🇪🇺🇯🇵🤝'],
  ])('answers %s clearly without crashing', async (_, text) => {
    const reply = await core.handle(text, {});
    expect(['error', 'not_found', 'help']).toContain(reply.type);
    expect(allText(reply).length).toBeLessThan(3000);
  });

  it('echoes at most a short piece of a long unknown query', async () => {
    const reply = await core.handle(`${'zz '.repeat(150)}`, {});
    expect(allText(reply)).not.toContain('zz '.repeat(40));
  });

  it('says how long input may be', async () => {
    const reply = await core.handle('x'.repeat(10_000), {});
    expect(reply.sections[0]?.paragraphs[0]).toMatch(/500 characters/);
  });
});

describe('language', () => {
  it('answers in Japanese for lang=ja, a ja channel setting, or a ja user locale, in that order', async () => {
    expect((await core.handle('quantum lang=ja', {})).lang).toBe('ja');
    expect((await core.handle('quantum', { locale: 'ja' })).title).toBe(
      (await core.handle('quantum lang=ja', {})).title,
    );
    expect((await core.handle('quantum lang=en', { locale: 'ja' })).lang).toBe('en');
    const channel: RequestContext = {
      channel: { platform: 'discord', channelId: 'D-lang' },
      canManageChannel: true,
    };
    await core.handle('language ja', channel);
    expect((await core.handle('quantum', { ...channel, locale: 'en-US' })).lang).toBe('ja');
    expect((await core.handle('quantum lang=en', channel)).lang).toBe('en');
  });

  it('finds a topic typed in Japanese and answers in the channel language', async () => {
    const reply = await core.handle('量子', {});
    expect(reply).toMatchObject({ topic: 'quantum', lang: 'en', title: 'Quantum technology' });
  });

  it('refuses to change the language for someone who cannot manage the channel', async () => {
    const reply = await core.handle('language ja', {
      channel: { platform: 'discord', channelId: 'D2' },
      canManageChannel: false,
    });
    expect(reply.type).toBe('error');
    expect((await core.handle('quantum', { channel: { platform: 'discord', channelId: 'D2' } })).lang).toBe(
      'en',
    );
  });
});

describe('subscription commands', () => {
  it('explains that digests need a chat channel in the console', async () => {
    const fake = recordingDigests();
    const withDigests = await createTestCore({ digests: fake.commands });
    const reply = await withDigests.handle('subscribe daily 08:30', {
      channel: { platform: 'console', channelId: 'console' },
    });
    expect(reply.type).toBe('error');
    expect(allText(reply)).toMatch(/Slack or Discord/);
    expect(fake.calls).toEqual([]);
  });

  it('resolves topic words (even multi-word and Japanese) before handing over', async () => {
    const fake = recordingDigests();
    const withDigests = await createTestCore({ digests: fake.commands });
    await withDigests.handle(
      'subscribe weekly mon 09:00 tz=Asia/Tokyo digital identity 半導体 quantun',
      slackChannel,
    );
    expect(fake.calls[0]).toMatchObject({
      name: 'subscribe',
      request: {
        timeZone: 'Asia/Tokyo',
        topics: ['digital-identity', 'semiconductors', 'quantum'],
        schedule: { kind: 'weekly', day: 'mon', time: '09:00' },
      },
    });
  });

  it('changes nothing when a topic is unknown', async () => {
    const fake = recordingDigests();
    const withDigests = await createTestCore({ digests: fake.commands });
    const reply = await withDigests.handle('subscribe daily 08:30 quantum bananas', slackChannel);
    expect(reply.type).toBe('error');
    expect(allText(reply)).toContain('“bananas”');
    expect(fake.calls).toEqual([]);
  });

  it('refuses subscribe and unsubscribe to members who may not manage the channel', async () => {
    const fake = recordingDigests();
    const withDigests = await createTestCore({ digests: fake.commands });
    const context = { ...slackChannel, canManageChannel: false };
    expect((await withDigests.handle('subscribe daily 08:30', context)).type).toBe('error');
    expect((await withDigests.handle('unsubscribe 1', context)).type).toBe('error');
    await withDigests.handle('subscriptions', context);
    expect(fake.calls.map((call) => call.name)).toEqual(['list']);
  });

  it('says digests are unavailable when the feature is not wired', async () => {
    const reply = await core.handle('status', slackChannel);
    expect(allText(reply)).toMatch(/not available/);
  });
});

function recordingDigests(): { commands: DigestCommands; calls: { name: string; request: unknown }[] } {
  const calls: { name: string; request: unknown }[] = [];
  const answer =
    (name: string) =>
    async (request: unknown): Promise<Reply> => {
      calls.push({ name, request });
      return {
        type: 'subscription',
        topic: null,
        title: name,
        sections: [],
        sources: [],
        suggestions: [],
        actions: [],
        visibility: 'private',
        lang: 'en',
      };
    };
  return {
    calls,
    commands: {
      preview: answer('preview'),
      subscribe: answer('subscribe'),
      unsubscribe: answer('unsubscribe'),
      list: answer('list'),
      status: answer('status'),
    },
  };
}

describe('autocomplete', () => {
  it('offers at most 25 choices within Discord limits, the intended topic first', () => {
    const choices = core.autocomplete('semi');
    expect(choices[0]?.value).toBe('semiconductors');
    for (const choice of core.autocomplete('')) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect([...choice.name].length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    expect(core.autocomplete('', { limit: 100 }).length).toBeLessThanOrEqual(25);
  });

  it('shows Japanese titles to Japanese users', () => {
    expect(core.autocomplete('半導', { lang: 'ja' })[0]?.name).toMatch(/^半導体/);
  });
});

describe('autocomplete after a command word', () => {
  it('keeps the command so that picking a choice still runs it', () => {
    expect(core.autocomplete('sources semi')[0]).toMatchObject({ value: 'sources semiconductors' });
    expect(core.autocomplete('timeline 量')[0]?.value).toBe('timeline quantum');
  });

  it('completes free words of a plain query to a topic id', () => {
    expect(core.autocomplete('digital id')[0]?.value).toBe('digital-identity');
  });
});
