import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeButtonIntent } from '../../../src/adapters/discord/discord-buttons.ts';
import type { DiscordMessage } from '../../../src/adapters/discord/to-discord-messages.ts';
import { EMBED_LIMITS, toDiscordMessages } from '../../../src/adapters/discord/to-discord-messages.ts';
import type { Reply } from '../../../src/core/reply.ts';

/** The custom_id the bot issues for a button, signature included. */
const issued = (kind: 'command' | 'share', command: string) => encodeButtonIntent({ kind, command });

function makeReply(overrides: Partial<Reply> = {}): Reply {
  return {
    type: 'briefing',
    topic: 'semiconductors',
    title: 'Semiconductors',
    summary: 'Chips cooperation between the EU and Japan.',
    asOf: '2025-05-12',
    sections: [
      {
        heading: 'What was agreed',
        paragraphs: ['Both sides agreed to map supply chains [1][2].'],
        items: [],
      },
    ],
    sources: [
      {
        n: 1,
        title: 'Council statement',
        publisher: 'European Commission',
        date: '2024-04-30',
        url: 'https://ec.europa.eu/s1',
      },
      { n: 2, title: 'METI release', publisher: 'METI', date: '2024-04-30', url: null },
    ],
    suggestions: [],
    actions: [
      { kind: 'command', label: 'Sources', command: 'sources semiconductors' },
      { kind: 'share', label: 'Share in channel', command: 'semiconductors' },
      { kind: 'command', label: 'HPC', command: 'hpc' },
    ],
    visibility: 'private',
    lang: 'en',
    ...overrides,
  };
}

function totalEmbedChars(message: DiscordMessage): number {
  return message.embeds.reduce(
    (sum, embed) =>
      sum + (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length,
    0,
  );
}

function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const message of messages) {
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
    expect(totalEmbedChars(message)).toBeLessThanOrEqual(EMBED_LIMITS.totalPerMessage);
    for (const embed of message.embeds) {
      expect((embed.title ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.title);
      expect((embed.description ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.description);
      expect(embed.title || embed.description).toBeTruthy();
    }
    const buttons = message.components.flatMap((row) => row.components);
    expect(message.components.length).toBeLessThanOrEqual(5);
    for (const row of message.components) expect(row.components.length).toBeLessThanOrEqual(5);
    for (const button of buttons) expect(button.custom_id.length).toBeLessThanOrEqual(100);
    expect(new Set(buttons.map((button) => button.custom_id)).size).toBe(buttons.length);
  }
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const descriptions = (messages: DiscordMessage[]) =>
  messages.flatMap((message) => message.embeds.map((embed) => embed.description ?? ''));

describe('toDiscordMessages', () => {
  it('renders a private briefing as one ephemeral embed with linked citations, date and buttons', () => {
    const [message, ...rest] = toDiscordMessages(makeReply());
    expect(rest).toEqual([]);
    expect(message).toEqual({
      embeds: [
        {
          color: 0x003399,
          title: 'Semiconductors',
          description:
            'Chips cooperation between the EU and Japan.\n\n**What was agreed**\nBoth sides agreed to map supply chains \\[[1](https://ec.europa.eu/s1)\\]\\[2\\].',
          footer: { text: 'As of 2025-05-12' },
        },
      ],
      components: [
        {
          type: 1,
          components: [
            { type: 2, custom_id: issued('command', 'sources semiconductors'), label: 'Sources', style: 2 },
            { type: 2, custom_id: issued('share', 'semiconductors'), label: 'Share in channel', style: 1 },
            { type: 2, custom_id: issued('command', 'hpc'), label: 'HPC', style: 2 },
          ],
        },
      ],
      flags: 64,
      allowedMentions: { parse: [] },
    });
  });

  it('drops the Share button and the ephemeral flag on a public message', () => {
    const [message] = toDiscordMessages(makeReply(), { ephemeral: false });
    expect(message.flags).toBeUndefined();
    const ids = message.components.flatMap((row) => row.components.map((button) => button.custom_id));
    expect(ids).toEqual([issued('command', 'sources semiconductors'), issued('command', 'hpc')]);
  });

  it('writes its own strings in Japanese for a Japanese reply', () => {
    const [message] = toDiscordMessages(makeReply({ lang: 'ja', title: '半導体' }));
    expect(message.embeds[0]?.footer).toEqual({ text: '2025-05-12 時点' });
  });

  it('escapes mentions, formatting and masked links so text shows exactly as written', () => {
    const reply = makeReply({
      title: '@everyone *urgent*',
      summary: undefined,
      sections: [
        {
          paragraphs: [
            'Hi @here <@123> <@&456> <#789> </eujp:1> <t:1700000000>',
            '**bold** _it_ ~~gone~~ ||spoiler|| `code` [click](https://evil.example)',
            '# Heading\n> quote\n- list\n1. first\n-# small',
          ],
          items: [],
        },
      ],
      asOf: undefined,
      actions: [],
    });
    const [message] = toDiscordMessages(reply);
    expect(message.embeds[0]?.title).toBe('@\u200beveryone \\*urgent\\*');
    expect(message.embeds[0]?.description).toBe(
      [
        'Hi @\u200bhere \\<@123\\> \\<@&456\\> \\<\\#789\\> \\</eujp:1\\> \\<t:1700000000\\>',
        '\\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~ \\|\\|spoiler\\|\\| \\`code\\` \\[click\\](https:\u2060//evil.example)',
        '\\# Heading\n\\> quote\n\\- list\n1\\. first\n\\-\\# small',
      ].join('\n\n'),
    );
  });

  it('removes control characters and bidirectional overrides', () => {
    const [message] = toDiscordMessages(
      makeReply({ title: 'a\u202Eb\u0000c\u2066d', summary: undefined, sections: [], asOf: undefined }),
    );
    expect(message.embeds[0]?.title).toBe('abcd');
  });

  it('links only http(s) sources and keeps a parenthesis from ending a link early', () => {
    const reply = makeReply({
      summary: undefined,
      sections: [{ paragraphs: ['One [1], two [2], three [3], missing [9].'], items: [] }],
      sources: [
        { n: 1, title: 'A', publisher: 'P', date: '2024-01-01', url: 'javascript:alert(1)' },
        { n: 2, title: 'B', publisher: 'P', date: '2024-01-01', url: 'https://example.org/a_(b)' },
        { n: 3, title: 'C', publisher: 'P', date: '2024-01-01', url: 'not a url' },
      ],
    });
    const [message] = toDiscordMessages(reply);
    expect(message.embeds[0]?.description).toBe(
      'One \\[1\\], two \\[[2](https://example.org/a_%28b%29)\\], three \\[3\\], missing \\[9\\].',
    );
  });

  it('lists the numbered sources of a sources reply with their links', () => {
    const reply = makeReply({
      type: 'sources',
      title: 'Sources: Semiconductors',
      summary: undefined,
      sections: [],
    });
    const [message] = toDiscordMessages(reply);
    expect(message.embeds[0]?.description).toBe(
      [
        '**\\[1\\]** [Council statement](https://ec.europa.eu/s1) — European Commission, 2024-04-30',
        '**\\[2\\]** METI release — METI, 2024-04-30',
      ].join('\n'),
    );
  });

  it('renders list items with their date, label, text and link', () => {
    const reply = makeReply({
      type: 'timeline',
      summary: undefined,
      sections: [
        {
          heading: 'Timeline',
          paragraphs: [],
          items: [
            {
              date: '2024-04-30',
              label: 'Council',
              text: 'Second Digital Partnership Council [1].',
              url: 'https://x.example/c',
            },
            { text: 'Undated line' },
          ],
        },
      ],
    });
    const [message] = toDiscordMessages(reply);
    expect(message.embeds[0]?.description).toBe(
      [
        '**Timeline**',
        '• `2024-04-30` **Council** Second Digital Partnership Council \\[[1](https://ec.europa.eu/s1)\\]. [↗](https://x.example/c)',
        '• Undated line',
      ].join('\n'),
    );
  });

  it('shortens a long title at a word boundary', () => {
    const [message] = toDiscordMessages(makeReply({ title: 'word '.repeat(80).trim() }));
    const title = message.embeds[0]?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.endsWith('word…')).toBe(true);
  });

  it('splits a long body across embeds and messages within every limit, never mid-word', () => {
    const sentence = 'The partnership coordinates research on chips and supply chains across both regions.';
    const paragraphs = Array.from({ length: 40 }, (_, i) => `${i + 1}. ${sentence} ${sentence} ${sentence}`);
    const reply = makeReply({ summary: undefined, sections: [{ paragraphs, items: [] }] });
    const messages = toDiscordMessages(reply);
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const expected = paragraphs.flatMap((paragraph) => words(paragraph.replace(/^(\d+)\./, '$1\\.')));
    expect(descriptions(messages).flatMap(words)).toEqual(expected);
    expect(messages[1]?.embeds[0]?.title).toBe('Semiconductors (continued)');
    expect(messages.slice(0, -1).every((message) => message.components.length === 0)).toBe(true);
    expect(messages.at(-1)?.components.length).toBe(1);
    expect(messages.at(-1)?.embeds.at(-1)?.footer).toEqual({ text: 'As of 2025-05-12' });
  });

  it('never cuts a citation link in two', () => {
    const long = Array.from({ length: 700 }, (_, i) => `claim${i} [${(i % 2) + 1}]`).join(' ');
    const reply = makeReply({ summary: undefined, sections: [{ paragraphs: [long], items: [] }] });
    const messages = toDiscordMessages(reply);
    expectWithinLimits(messages);
    for (const description of descriptions(messages)) {
      const opened = (description.match(/\]\(/g) ?? []).length;
      const complete = (description.match(/\[1\]\(https:\/\/ec\.europa\.eu\/s1\)/g) ?? []).length;
      expect(complete).toBe(opened);
    }
  });

  it('splits Japanese text after a full stop', () => {
    const sentence = '日本とEUは半導体のサプライチェーンについて協力している。';
    const reply = makeReply({
      summary: undefined,
      sections: [{ paragraphs: [sentence.repeat(300)], items: [] }],
    });
    const messages = toDiscordMessages(reply);
    expectWithinLimits(messages);
    for (const description of descriptions(messages)) expect(description.endsWith('。')).toBe(true);
  });

  it('cuts an enormous body with a note instead of flooding the channel', () => {
    const reply = makeReply({
      summary: undefined,
      sections: [{ paragraphs: Array.from({ length: 400 }, () => 'word '.repeat(40).trim()), items: [] }],
    });
    const messages = toDiscordMessages(reply);
    expect(messages.length).toBe(4);
    expectWithinLimits(messages);
    expect(messages.at(-1)?.embeds.at(-1)?.description).toMatch(/shortened to fit Discord/);
  });

  it('turns actions into buttons, without duplicates and within 25 buttons', () => {
    const actions = Array.from({ length: 40 }, (_, i) => ({
      kind: 'command' as const,
      label: `Topic ${i % 30}`,
      command: `search topic ${i % 30}`,
    }));
    const [message] = toDiscordMessages(makeReply({ type: 'search', actions }));
    expectWithinLimits([message]);
    expect(message.components.flatMap((row) => row.components).length).toBe(25);
  });

  it('prefers the footer the core wrote over its own date line', () => {
    const [message] = toDiscordMessages(makeReply({ footer: 'As of 12 May 2025 · 2 sources' }));
    expect(message.embeds[0]?.footer).toEqual({ text: 'As of 12 May 2025 · 2 sources' });
  });

  it('leaves out a button whose command would not fit in a custom_id', () => {
    const reply = makeReply({
      actions: [{ kind: 'command', label: 'Too long', command: `search ${'x'.repeat(100)}` }],
    });
    const [message] = toDiscordMessages(reply);
    expect(message.components).toEqual([]);
  });
});

describe('toDiscordMessages on arbitrary text', () => {
  const risky = fc.constantFrom(
    '@everyone',
    '@HERE',
    '<@123>',
    '<@&456>',
    '<#789>',
    '[x](https://evil.example)',
    '**',
    '__',
    '~~',
    '||',
    '`',
    '> ',
    '# ',
    '- ',
    '1. ',
    '\\',
    '\n',
    ' ',
    '。',
    'word',
    '\u202e',
    '[1]',
  );
  const text = fc
    .array(fc.oneof(risky, fc.string({ unit: 'grapheme', maxLength: 40 })), { maxLength: 300 })
    .map((parts) => parts.join(''));
  // A character preceded by an even number of backslashes is not escaped.
  const unescaped = (pattern: string) => new RegExp(`(?:^|[^\\\\])(?:\\\\\\\\)*${pattern}`);

  it('stays within limits and never lets a mention, a link or a list through', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 4 }), (title, summary, paragraphs) => {
        const messages = toDiscordMessages(
          makeReply({ title, summary, sections: [{ paragraphs, items: [{ text: summary }] }] }),
        );
        expectWithinLimits(messages);
        for (const embed of messages.flatMap((message) => message.embeds)) {
          for (const field of [embed.title ?? '', embed.description ?? '']) {
            expect(field).not.toMatch(/@(everyone|here)/i);
            expect(field).not.toMatch(unescaped('<'));
            expect(field).not.toMatch(unescaped('\\]\\((?!https://ec\\.europa\\.eu/s1\\))'));
            expect(field).not.toMatch(/^([-+]|\d+\.)\s/);
            expect(field).not.toMatch(/[\u202a-\u202e]/);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
