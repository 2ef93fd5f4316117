import { describe, expect, it } from 'vitest';
import type { DiscordMessage } from '../../src/adapters/discord/to-discord-messages.ts';
import type { SlackMessage } from '../../src/adapters/slack/to-slack-message.ts';
import {
  expectInertDiscordMarkdown,
  expectNoSlackFormattingInjection,
  expectSafeDiscordMessages,
  expectSafeSlackMessage,
} from './render-checks.ts';

// A property is only as good as its check: each check must reject the output it exists to catch.
const SOURCE = 'https://digital-strategy.ec.europa.eu/en/news/eu-japan';

const slack = (text: string, extra: Partial<SlackMessage> = {}): SlackMessage => ({
  text: 'fallback',
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: 'Title' } },
    { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } },
  ],
  ...extra,
});
const discord = (description: string, extra: Partial<DiscordMessage> = {}): DiscordMessage[] => [
  { embeds: [{ title: 'Title', description }], components: [], allowedMentions: { parse: [] }, ...extra },
];

describe('the Slack check', () => {
  it.each([
    ['a channel broadcast', '<!channel>'],
    ['a user mention', 'hi <@U123>'],
    ['a bare @here', 'ping @here now'],
    ['a link a user typed', '<https://evil.example|click>'],
    ['an unescaped ampersand', 'Q&A'],
    ['a stray angle bracket', 'a > b'],
  ])('rejects %s', (_what, text) => {
    expect(() => expectSafeSlackMessage(slack(text), [SOURCE])).toThrow();
  });

  it('accepts escaped text, defused broadcasts and links to the reply’s sources', () => {
    const text = `&lt;!channel&gt; @\u2060here Q&amp;A <${SOURCE}|[1]>`;
    expect(() => expectSafeSlackMessage(slack(text), [SOURCE])).not.toThrow();
  });

  it('rejects more than 50 blocks and a section over 3,000 characters', () => {
    const many = slack('x');
    many.blocks = Array.from({ length: 51 }, () => ({ type: 'divider' as const }));
    expect(() => expectSafeSlackMessage(many, [])).toThrow();
    expect(() => expectSafeSlackMessage(slack('x'.repeat(3_001)), [])).toThrow();
  });

  it('rejects live formatting around the sentinel', () => {
    expect(() => expectNoSlackFormattingInjection(slack('“*QZXW*”'))).toThrow();
    expect(() => expectNoSlackFormattingInjection(slack('“QZXW”'))).not.toThrow();
  });
});

describe('the Discord check', () => {
  it.each([
    ['bold around the sentinel', '**QZXW**'],
    ['an escaped backslash before live bold', '\\\\**QZXW**'],
    ['a heading made of user text', 'intro\n# QZXW'],
    ['a user mention', '<@123>'],
    ['a role mention', '<@&123>'],
    ['an @everyone', 'hello @everyone'],
    ['a masked link a user typed', '[QZXW](http://evil.example)'],
    ['a bidi override', 'abc\u202edef'],
    ['an escape sequence', '\u001b[31mred'],
    ['an escape cut in two', 'the end of an embed \\'],
  ])('rejects %s', (_what, markdown) => {
    expect(() => expectInertDiscordMarkdown(markdown, new Set([SOURCE]))).toThrow();
  });

  it('accepts escaped markup, defused pings and links to the reply’s sources', () => {
    const markdown = `\\*\\*QZXW\\*\\* \\<@123> @\u200beveryone \\[[1](${SOURCE})\\] \\# QZXW`;
    expect(() => expectInertDiscordMarkdown(markdown, new Set([SOURCE]))).not.toThrow();
  });

  it('rejects a message that may ping, or breaks an embed limit', () => {
    const pinging = discord('ok', { allowedMentions: {} as DiscordMessage['allowedMentions'] });
    expect(() => expectSafeDiscordMessages(pinging, [], 'public')).toThrow();
    expect(() => expectSafeDiscordMessages(discord('x'.repeat(4_097)), [], 'public')).toThrow();
    const crowded = discord('x'.repeat(4_000));
    crowded[0]?.embeds.push({ description: 'y'.repeat(2_500) });
    expect(() => expectSafeDiscordMessages(crowded, [], 'public')).toThrow();
    expect(() => expectSafeDiscordMessages(discord('fine'), [], 'public')).not.toThrow();
  });
});
