import { describe, expect, it } from 'vitest';
import {
  readSlackButtonValue,
  SLACK_ACTION_PREFIX,
  slackButtonValue,
  toSlackMessage,
  toSlackMessages,
} from '../../../src/adapters/slack/to-slack-message.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { SLACK_MAX_BLOCKS_TEXT, slackBlockTextLength } from '../../fakes/fake-slack-api.ts';
import { sampleBriefing, sampleNotFound } from './sample-replies.ts';

interface TestButton {
  text: { text: string };
  value: string;
  action_id: string;
}
interface AnyBlock {
  type: string;
  text?: { type: string; text: string; verbatim?: boolean };
  elements?: TestButton[];
}

function blocksOf(reply: Reply): AnyBlock[] {
  return toSlackMessage(reply).blocks as AnyBlock[];
}

function allText(reply: Reply): string {
  return JSON.stringify(toSlackMessage(reply));
}

function buttonsOf(reply: Reply): TestButton[] {
  return blocksOf(reply)
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? []);
}

describe('toSlackMessage', () => {
  it('renders a briefing as header, summary, as-of context, verbatim sections and buttons', () => {
    const message = toSlackMessage(sampleBriefing());
    expect(message.text).toBe('Semiconductors — Chips, supply chains &amp; the joint research programme.');
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'context',
      'section',
      'actions',
    ]);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Semiconductors', emoji: true },
    });
    expect(message.blocks[2]).toMatchObject({ elements: [{ type: 'mrkdwn', text: 'As of 2025-05-20' }] });
    const body = message.blocks[3] as AnyBlock;
    expect(body.text).toEqual({
      type: 'mrkdwn',
      verbatim: true,
      text:
        '*State of play*\n\n' +
        'The EU and Japan agreed to share early warnings on chip supply disruptions ' +
        '<https://example.org/statement?a=1&amp;b=2|[1]>.\n\n' +
        'A joint research programme on next-generation chips followed [2].',
    });
  });

  it('turns every action into a button whose value is the signed command and whose action_id is unique', () => {
    const buttons = buttonsOf(sampleBriefing());
    expect(buttons.map((button) => [button.text.text, button.value, button.action_id])).toEqual([
      [
        'Sources',
        slackButtonValue('command', 'sources semiconductors'),
        `${SLACK_ACTION_PREFIX.command}sources-semiconductors`,
      ],
      [
        'Share in channel',
        slackButtonValue('share', 'semiconductors'),
        `${SLACK_ACTION_PREFIX.share}semiconductors`,
      ],
      ['Quantum', slackButtonValue('command', 'quantum'), `${SLACK_ACTION_PREFIX.command}quantum`],
    ]);
    expect(buttons.map((button) => readSlackButtonValue('command', button.value))).toEqual([
      'sources semiconductors',
      null,
      'quantum',
    ]);
  });

  it('keeps action_ids unique when two buttons run the same command', () => {
    const reply = sampleBriefing({
      actions: [
        { kind: 'command', label: 'Quantum', command: 'quantum' },
        { kind: 'command', label: 'Quantum again', command: 'Quantum' },
      ],
    });
    const ids = buttonsOf(reply).map((button) => button.action_id);
    expect(new Set(ids).size).toBe(2);
  });

  it('drops the Share button from a message that is already public', () => {
    const labels = buttonsOf(sampleBriefing({ visibility: 'public' })).map((button) => button.text.text);
    expect(labels).toEqual(['Sources', 'Quantum']);
  });

  it('lists numbered sources with links on a sources reply', () => {
    const blocks = blocksOf(
      sampleBriefing({ type: 'sources', title: 'Sources: Semiconductors', actions: [] }),
    );
    const list = blocks.find((block) => block.text?.text.startsWith('*Sources*'));
    expect(list?.text?.text).toBe(
      '*Sources*\n' +
        '[1] <https://example.org/statement?a=1&amp;b=2|Digital Partnership Council joint statement> — European Commission, 2023-07-03\n' +
        '[2] Research call — MIC, 2024-04-30',
    );
  });

  it('does not list the sources twice when the core already listed them as items', () => {
    const reply = sampleBriefing({
      type: 'sources',
      actions: [],
      sections: [
        { paragraphs: [], items: [{ label: '[1]', text: 'Statement', url: 'https://example.org/s' }] },
      ],
    });
    expect(allText(reply)).not.toContain('*Sources*');
  });

  it('lists the sources when no button would show them', () => {
    expect(allText(sampleBriefing({ actions: [] }))).toContain('[2] Research call');
    expect(allText(sampleBriefing())).not.toContain('[2] Research call');
  });

  it('renders dated items with their link', () => {
    const reply = sampleBriefing({
      type: 'timeline',
      sections: [
        {
          paragraphs: [],
          items: [
            { date: '2024-04-30', text: 'Council meets in Tokyo [1]', url: 'https://example.org/council' },
            { date: '2023-07-03', label: 'Partnership', text: 'launched', url: 'https://example.org/launch' },
            { date: '2023-07-01', text: 'Statement [1]', url: 'https://example.org/statement?a=1&b=2' },
          ],
        },
      ],
    });
    const texts = blocksOf(reply).map((block) => block.text?.text ?? '');
    expect(texts).toContain(
      '• `2024-04-30` Council meets in Tokyo <https://example.org/statement?a=1&amp;b=2|[1]> <https://example.org/council|source>\n' +
        '• `2023-07-03` *<https://example.org/launch|Partnership>* launched\n' +
        '• `2023-07-01` Statement <https://example.org/statement?a=1&amp;b=2|[1]>',
    );
  });

  it('never links a source whose URL is not http(s)', () => {
    const reply = sampleBriefing({
      sources: [{ n: 1, title: 'Bad', publisher: 'X', date: '2024-01-01', url: 'javascript:alert(1)' }],
    });
    expect(allText(reply)).not.toContain('javascript:');
  });

  it("prefers the core's localised footer over the bare as-of date", () => {
    const message = toSlackMessage(sampleBriefing({ footer: 'As of 20 May 2025 · 2 sources' }));
    expect(message.blocks[2]).toMatchObject({ elements: [{ text: 'As of 20 May 2025 · 2 sources' }] });
  });

  it('uses Japanese labels for a Japanese reply', () => {
    expect(allText(sampleBriefing({ lang: 'ja' }))).toContain('2025-05-20 時点');
  });
});

describe('toSlackMessage escaping', () => {
  const injections = ['<!channel>', '<!here>', '<@U123>', '<https://evil.example|click>', '&lt;b&gt;'];

  it.each(injections)('echoes %s back as text that cannot ping or link', (input) => {
    const rendered = allText(sampleNotFound(input));
    const escaped = input
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replace('://', ':\u2060//');
    expect(rendered).toContain(escaped);
    expect(rendered).not.toMatch(/<[!@]|https:\/\/evil/);
  });

  it('defuses bare @channel, @here and @everyone with an invisible word joiner', () => {
    const rendered = allText(sampleNotFound('@channel @here @Everyone'));
    expect(rendered).toContain('@\u2060channel @\u2060here @\u2060Everyone');
    expect(rendered).not.toMatch(/@(channel|here|everyone)/i);
  });

  it('leaves an email address alone', () => {
    expect(allText(sampleNotFound('ask desk@here.example'))).toContain('desk@here.example');
  });

  it('escapes titles, button labels and summaries too', () => {
    const reply = sampleBriefing({
      title: '<!channel> & co',
      summary: '<@U999>',
      actions: [{ kind: 'command', label: '<!here>', command: 'quantum' }],
    });
    const message = toSlackMessage(reply);
    expect(JSON.stringify(message)).not.toMatch(/<[!@]/);
    expect(message.blocks[0]).toMatchObject({ text: { text: '&lt;!channel&gt; &amp; co' } });
  });
});

describe('toSlackMessage limits', () => {
  const word = 'partnership ';

  it('keeps the header within 150 characters, ending at a word with an ellipsis', () => {
    const header = blocksOf(sampleBriefing({ title: word.repeat(20) }))[0]!;
    expect(header.text!.text.length).toBeLessThanOrEqual(150);
    expect(header.text!.text).toMatch(/partnership…$/);
  });

  it('never cuts an entity when truncating a header', () => {
    const header = blocksOf(sampleBriefing({ title: '&'.repeat(200) }))[0]!;
    expect(header.text!.text).toMatch(/^(&amp;)+…$/);
  });

  it('keeps button text within 75 characters', () => {
    const reply = sampleBriefing({
      actions: [{ kind: 'command', label: 'x'.repeat(120), command: 'quantum' }],
    });
    expect(buttonsOf(reply)[0]!.text.text.length).toBeLessThanOrEqual(75);
  });

  it('splits a long briefing into sections of at most 3,000 characters without cutting a word or link', () => {
    const paragraph = `${'Cooperation on chips deepens '.repeat(40)}[1].`;
    const reply = sampleBriefing({ sections: [{ paragraphs: Array(12).fill(paragraph), items: [] }] });
    const sections = blocksOf(reply).filter((block) => block.type === 'section');
    expect(sections.length).toBeGreaterThan(3);
    for (const section of sections) {
      const text = section.text!.text;
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text.split('<').length).toBe(text.split('>').length);
      expect(text).toMatch(/^(\S)/);
      expect(text).not.toMatch(/ [a-z]{1,3}$/);
    }
    const words = sections.flatMap((section) => section.text!.text.split(/\s+/));
    expect(words.filter((w) => w.startsWith('Cooperation')).every((w) => w === 'Cooperation')).toBe(true);
  });

  it('splits Japanese text at sentence ends', () => {
    const sentence = '日本とEUは半導体の供給網について協力する。';
    const reply = sampleBriefing({
      sections: [{ paragraphs: [sentence.repeat(300)], items: [] }],
      lang: 'ja',
    });
    const sections = blocksOf(reply).filter((block) => block.type === 'section');
    for (const section of sections.slice(1)) {
      expect(section.text!.text.length).toBeLessThanOrEqual(3000);
      expect(section.text!.text.endsWith('。')).toBe(true);
    }
  });

  it('stays within 50 blocks and says it shortened the message, keeping the buttons', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({
      heading: `Part ${i}`,
      paragraphs: ['Text.'],
      items: [],
    }));
    const blocks = blocksOf(sampleBriefing({ sections: many }));
    expect(blocks.length).toBe(50);
    expect(blocks.at(-1)!.type).toBe('actions');
    expect(JSON.stringify(blocks.at(-2))).toContain('Shortened to fit');
  });

  it('puts at most 25 buttons in one actions block', () => {
    const actions = Array.from({ length: 30 }, (_, i) => ({
      kind: 'command' as const,
      label: `T${i}`,
      command: `topic${i}`,
    }));
    const blocks = blocksOf(sampleBriefing({ actions })).filter((block) => block.type === 'actions');
    expect(blocks.map((block) => block.elements!.length)).toEqual([25, 5]);
  });

  describe('whole-message text budget', () => {
    // 70 sources of about 200 characters each: every block is within its limit, the whole is not.
    const manySources = sampleBriefing({
      type: 'sources',
      sections: [
        {
          paragraphs: [],
          items: Array.from({ length: 70 }, (_, i) => ({
            label: `[${i + 1}]`,
            text: `Source document number ${i + 1} on the partnership — European Commission, 12 May 2025`,
            url: `https://example.org/a/rather/long/path/to/document-${i + 1}?lang=en&format=html`,
          })),
        },
      ],
      actions: [{ kind: 'share', label: 'Share in channel', command: 'sources semiconductors' }],
    });

    it('keeps one message under the limit Slack enforces, saying it was shortened', () => {
      const message = toSlackMessage(manySources);
      expect(slackBlockTextLength(message.blocks)).toBeLessThanOrEqual(11_000);
      expect(JSON.stringify(message.blocks.at(-2))).toContain('Shortened to fit');
      expect(message.blocks.at(-1)!.type).toBe('actions');
    });

    it('splits into messages that each fit and together hold every line, buttons on the first', () => {
      const messages = toSlackMessages(manySources);
      expect(messages.length).toBeGreaterThan(1);
      for (const message of messages) {
        expect(slackBlockTextLength(message.blocks)).toBeLessThanOrEqual(11_000);
        expect(slackBlockTextLength(message.blocks)).toBeLessThan(SLACK_MAX_BLOCKS_TEXT);
        expect(message.blocks.length).toBeLessThanOrEqual(50);
      }
      const all = JSON.stringify(messages);
      for (let n = 1; n <= 70; n++) expect(all).toContain(`document-${n}?`);
      expect(messages[0]!.blocks.at(-1)!.type).toBe('actions');
      expect(messages.slice(1).some((m) => m.blocks.some((b) => b.type === 'actions'))).toBe(false);
      expect(JSON.stringify(messages[1]!.blocks[0])).toContain(`part 2 of ${messages.length}`);
    });

    it('moves a summary too long for one message on to the next, keeping only the header pinned', () => {
      const sentence = 'A very long summary sentence about the partnership. ';
      const reply = sampleBriefing({ summary: sentence.repeat(260) });
      const messages = toSlackMessages(reply);
      expect(messages.length).toBeGreaterThan(1);
      for (const message of messages)
        expect(slackBlockTextLength(message.blocks)).toBeLessThanOrEqual(11_000);
      expect(slackBlockTextLength(toSlackMessage(reply).blocks)).toBeLessThanOrEqual(11_000);
    });

    it('renders a short reply as the same single message either way', () => {
      expect(toSlackMessages(sampleBriefing())).toEqual([toSlackMessage(sampleBriefing())]);
    });
  });
});
