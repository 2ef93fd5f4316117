import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/adapters/console/to-plain-text.ts';
import { toDiscordMessages } from '../../src/adapters/discord/to-discord-messages.ts';
import { toSlackMessage } from '../../src/adapters/slack/to-slack-message.ts';
import type { Reply, ReplyItem, ReplySection, SourceRef } from '../../src/core/reply.ts';
import { TOPIC_IDS } from '../../src/core/topics/topic-ids.ts';
import { hostileField, hostileText } from './hostile-text.ts';
import { propertyRuns } from './property-runs.ts';
import {
  expectSafeDiscordMessages,
  expectSafePlainText,
  expectSafeReplyJson,
  expectSafeSlackMessage,
  trustedUrls,
} from './render-checks.ts';

/**
 * The core only ever echoes a few hundred characters of user text, so these properties hand the
 * renderers replies the core would never build: hostile text up to 10,000 characters in every
 * field, dozens of sections, sources and buttons. Briefing content reaches the renderers the
 * same way, and a renderer must hold its limits whatever the reply holds.
 */

// URLs come from validated briefings, but a renderer must still refuse what is not a web link.
const url = fc.constantFrom(
  'https://digital-strategy.ec.europa.eu/en/news/eu-japan-digital-partnership',
  'https://www.mofa.go.jp/files/100000000.pdf',
  'http://example.org/a_(b)?q=1&r=<2>',
  'https://example.org/a|b>c',
  'https://例え.jp/パス',
  'https://evil.example/<@U123>',
  'javascript:alert(1)',
  'ftp://files.example.org/x',
  'not a url',
);
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const topic = fc.constantFrom(...TOPIC_IDS);

const item: fc.Arbitrary<ReplyItem> = fc.record(
  { text: hostileField(600), label: hostileField(120), date: isoDate, url, topic },
  { requiredKeys: ['text'] },
);
const section: fc.Arbitrary<ReplySection> = fc.record(
  {
    heading: hostileField(200),
    paragraphs: fc.array(hostileField(3_000), { maxLength: 4 }),
    items: fc.array(item, { maxLength: 25 }),
  },
  { requiredKeys: ['paragraphs', 'items'] },
);
const source: fc.Arbitrary<SourceRef> = fc.record({
  n: fc.integer({ min: 1, max: 999 }),
  title: hostileField(300),
  publisher: hostileField(100),
  date: isoDate,
  url: fc.option(url, { nil: null }),
});

const reply: fc.Arbitrary<Reply> = fc.record(
  {
    type: fc.constantFrom(
      'briefing' as const,
      'sources' as const,
      'topics' as const,
      'help' as const,
      'search' as const,
      'timeline' as const,
      'digest' as const,
      'not_found' as const,
      'error' as const,
      'subscription' as const,
      'status' as const,
    ),
    topic: fc.option(topic, { nil: null }),
    title: fc.oneof(hostileField(400), hostileText(2_500, 10_000, { minPieces: 200, size: 'max' })),
    summary: fc.oneof(hostileField(1_000), hostileText(2_500, 10_000, { minPieces: 200, size: 'max' })),
    asOf: isoDate,
    footer: hostileField(300),
    sections: fc.array(section, { maxLength: 8 }),
    sources: fc.array(source, { maxLength: 15 }),
    suggestions: fc.subarray([...TOPIC_IDS]),
    actions: fc.array(
      fc.record({
        kind: fc.constantFrom('command' as const, 'share' as const),
        // The core always labels a button and names its command; the Slack renderer would send an
        // empty label, which Slack refuses (reported; Discord drops such a button).
        label: hostileField(120).filter((label) => label.trim() !== ''),
        command: hostileText(6, 80).filter((command) => command.trim() !== ''),
      }),
      { maxLength: 30 },
    ),
    visibility: fc.constantFrom('private' as const, 'public' as const),
    lang: fc.constantFrom('en' as const, 'ja' as const),
  },
  {
    requiredKeys: [
      'type',
      'topic',
      'title',
      'sections',
      'sources',
      'suggestions',
      'actions',
      'visibility',
      'lang',
    ],
  },
);

describe('every renderer, given any reply', () => {
  it('stays within Slack, Discord, terminal and CLI limits, with no ping, no foreign link and no live markup', () => {
    fc.assert(
      fc.property(reply, fc.option(hostileField(200), { nil: undefined }), (anyReply, sharedBy) => {
        const urls = trustedUrls(anyReply);
        expectSafeSlackMessage(toSlackMessage(anyReply, sharedBy === undefined ? {} : { sharedBy }), urls);
        expectSafeDiscordMessages(toDiscordMessages(anyReply), urls, anyReply.visibility);
        expectSafePlainText(anyReply);
        expectSafeReplyJson(anyReply);
      }),
      propertyRuns(100),
    );
  });

  it('keeps an escape and a link whole on Discord when a long paragraph holds a literal "["', () => {
    const url = 'https://digital-strategy.ec.europa.eu/en/news/eu-japan-digital-partnership';
    const digest: Reply = {
      type: 'digest',
      topic: null,
      title: 'Digest',
      sections: [
        { paragraphs: [`Draft [v2 ${'word '.repeat(800)}`], items: [{ text: 'Council meets', url }] },
      ],
      sources: [],
      suggestions: [],
      actions: [],
      visibility: 'public',
      lang: 'en',
    };
    expectSafeDiscordMessages(toDiscordMessages(digest), [url], 'public');
  });

  it('keeps plain text in proportion to the reply: nothing is repeated or padded without bound', () => {
    fc.assert(
      fc.property(reply, (anyReply) => {
        expect(toPlainText(anyReply).length).toBeLessThanOrEqual(JSON.stringify(anyReply).length + 1_000);
      }),
      propertyRuns(100),
    );
  });
});
