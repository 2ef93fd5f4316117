import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/adapters/console/to-plain-text.ts';
import { toDiscordMessages } from '../../src/adapters/discord/to-discord-messages.ts';
import { toSlackMessage } from '../../src/adapters/slack/to-slack-message.ts';
import type { BriefingLibrary } from '../../src/core/briefings/briefing.ts';
import { COMMAND_CATALOG } from '../../src/core/commands/command-catalog.ts';
import type { Reply } from '../../src/core/reply.ts';
import { TOPIC_IDS } from '../../src/core/topics/topic-ids.ts';
import { shownStrings } from './rendered-text.ts';
import { createReplyWorld, everyReply, type ReplyWorld } from './reply-catalogue.ts';

// Words a Japanese reply may carry in Latin letters: the grammar itself (it is typed as is in
// every language), product and platform names, and what the test typed and the reply echoes.
const GRAMMAR = [
  ...COMMAND_CATALOG.flatMap((entry) => [entry.name, ...entry.keywords]),
  ...TOPIC_IDS.flatMap((id) => id.split('-')),
  ...['daily', 'weekly', 'cron', 'all', 'tz', 'lang', 'en', 'ja', 'HH', 'MM', 'list'],
  ...['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'chips'],
];
const NAMES = ['eujp', 'Slack', 'Discord', 'IANA', 'EU', 'English', 'ID'];
const ECHOED = [
  'nonsense',
  'zzzzqqq',
  'astrology',
  'someday',
  'fr',
  'two',
  'Mars',
  'Olympus',
  'Tokio',
  'IST',
  'zzzzzz',
];
// Replies that quote the content (its sources are often English-titled); the rest may only
// carry the topics' Japanese titles and summaries.
const QUOTING_CONTENT = new Set(['briefing', 'sources', 'search', 'timeline', 'digest']);

/** The Latin-letter words of the Japanese content itself (source titles are often English). */
function contentWords(library: BriefingLibrary, { titlesOnly }: { titlesOnly: boolean }): string[] {
  const texts: string[] = [];
  for (const briefing of library.briefings.values()) {
    const ja = briefing.text.ja;
    if (!ja) continue;
    texts.push(ja.title, ja.summary);
    if (titlesOnly) continue;
    texts.push(...briefing.aliasesJa, ...briefing.aliases);
    for (const section of ja.sections)
      texts.push(section.heading ?? '', ...section.paragraphs, ...section.bullets);
    for (const source of ja.sources) texts.push(source.title, source.publisher);
  }
  if (titlesOnly) return texts.join(' ').match(/[A-Za-z]+/g) ?? [];
  for (const development of library.developments) {
    texts.push(development.textJa ?? '', ...development.sources.flatMap((s) => [s.title, s.publisher]));
  }
  return texts.join(' ').match(/[A-Za-z]+/g) ?? [];
}

function strayEnglish(text: string, allowed: ReadonlySet<string>): string[] {
  const words =
    text
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/<(?:https?:)?[^>\s]*\|?/g, ' ')
      .replace(/\b(?:tz|lang)=\S+/g, ' ')
      // Time-zone names such as Asia/Tokyo or America/Argentina/Buenos_Aires.
      .replace(/\b[A-Z][A-Za-z_]+(?:\/[A-Za-z_]+)+/g, ' ')
      .replace(/&\w+;/g, ' ')
      .replace(/\b[0-9a-z]+-[0-9a-f]{16}\b/g, ' ')
      .match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words.filter((word) => !allowed.has(word.toLowerCase())))];
}

describe('every reply in Japanese', () => {
  let world: ReplyWorld;
  let replies: Array<[string, Reply]>;
  let allowed: Set<string>;
  let allowedWithContent: Set<string>;

  beforeAll(async () => {
    world = await createReplyWorld();
    replies = await everyReply(world, 'ja');
    const lower = (words: string[]) => words.map((word) => word.toLowerCase());
    const interfaceWords = [...GRAMMAR, ...NAMES, ...ECHOED, 'UTC'];
    allowed = new Set(lower([...interfaceWords, ...contentWords(world.library, { titlesOnly: true })]));
    allowedWithContent = new Set(
      lower([...interfaceWords, ...contentWords(world.library, { titlesOnly: false })]),
    );
  });
  afterAll(() => world.close());

  it('covers every reply type the chat sees', () => {
    const types = new Set(replies.map(([, reply]) => reply.type));
    expect([...types].sort()).toEqual(
      [
        'briefing',
        'digest',
        'error',
        'help',
        'not_found',
        'search',
        'sources',
        'status',
        'subscription',
        'timeline',
        'topics',
      ].sort(),
    );
    expect(replies.every(([, reply]) => reply.lang === 'ja')).toBe(true);
  });

  it.each([
    ['the console', (reply: Reply) => [toPlainText(reply)]],
    ['Slack', (reply: Reply) => shownStrings(toSlackMessage(reply))],
    ['Discord', (reply: Reply) => shownStrings(toDiscordMessages(reply))],
  ] as const)('shows no stray English words on %s', (_, render) => {
    const stray = replies
      .map(([command, reply]) => {
        const words = QUOTING_CONTENT.has(reply.type) ? allowedWithContent : allowed;
        return [command, strayEnglish(render(reply).join('\n'), words)] as const;
      })
      .filter(([, words]) => words.length > 0);
    expect(stray).toEqual([]);
  });
});
