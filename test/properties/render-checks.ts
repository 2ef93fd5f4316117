import { expect } from 'vitest';
import { toPlainText } from '../../src/adapters/console/to-plain-text.ts';
import { linkableUrl } from '../../src/adapters/discord/escape-discord-text.ts';
import { type DiscordMessage, toDiscordMessages } from '../../src/adapters/discord/to-discord-messages.ts';
import { toSafeSlackUrl } from '../../src/adapters/slack/escape-slack-text.ts';
import { type SlackMessage, toSlackMessage } from '../../src/adapters/slack/to-slack-message.ts';
import { toReplyJson } from '../../src/cli/reply-json.ts';
import type { Reply } from '../../src/core/reply.ts';
import { slackBlockTextLength } from '../fakes/fake-slack-api.ts';
import { SENTINEL } from './hostile-text.ts';

/**
 * What every renderer must guarantee for any reply, written as platform facts (PLATFORM.md)
 * rather than as the renderers' own constants, so a renderer that drifts is caught.
 */

const CLI_TYPES = [
  'briefing',
  'sources',
  'topics',
  'help',
  'search',
  'timeline',
  'digest',
  'not_found',
  'error',
];
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
// Slack reads these as broadcasts; an `@` glued to a word (an e-mail address) is not one.
const SLACK_BROADCAST = /(^|[^\w.@])@(channel|here|everyone)\b/i;
const DISCORD_BROADCAST = /@(everyone|here)/i;
// The markup a user typed is a pair around the sentinel (`**QZXW**`); a renderer's own bold
// around a label that merely ends in the sentinel is one-sided, so it does not count.
const SLACK_MARKUP_AROUND_SENTINEL = new RegExp(`(\\*|_|~|\`+)${SENTINEL}\\1`);
const DISCORD_MARKUP_AROUND_SENTINEL = new RegExp(`(\\*{1,3}|_{1,2}|~~|\\|\\||\`+)${SENTINEL}\\1`);

/** The links a renderer may make: the reply's own source and item URLs, nothing a user typed. */
export function trustedUrls(reply: Reply): string[] {
  return [
    ...reply.sources.map((source) => source.url),
    ...reply.sections.flatMap((s) => s.items.map((i) => i.url)),
  ].filter((url): url is string => typeof url === 'string');
}

/** Renders with every renderer and checks each; returns nothing, throws on the first violation. */
export function expectSafeEverywhere(reply: Reply, options: { sharedBy?: string } = {}): void {
  const message = toSlackMessage(reply, options.sharedBy === undefined ? {} : { sharedBy: options.sharedBy });
  expectSafeSlackMessage(message, trustedUrls(reply));
  expectSafeDiscordMessages(toDiscordMessages(reply), trustedUrls(reply), reply.visibility);
  expectSafePlainText(reply);
  expectSafeReplyJson(reply);
}

export function expectSafeSlackMessage(message: SlackMessage, urls: readonly string[]): void {
  const allowed = new Set(urls.map(toSafeSlackUrl));
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeLessThanOrEqual(4_000);
  // Slack refuses `msg_blocks_too_long` from about 11,300 characters of block text in total.
  expect(slackBlockTextLength(message.blocks)).toBeLessThanOrEqual(11_000);

  const plain: string[] = [message.text];
  const mrkdwn: string[] = [];
  for (const block of message.blocks) {
    expect(block.block_id?.length ?? 0).toBeLessThanOrEqual(255);
    if (block.type === 'header') {
      expect(block.text.text.length).toBeGreaterThan(0);
      expect(block.text.text.length).toBeLessThanOrEqual(150);
      plain.push(block.text.text);
    } else if (block.type === 'section') {
      const text = block.text?.text ?? '';
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(3_000);
      mrkdwn.push(text);
    } else if (block.type === 'context') {
      expect(block.elements.length).toBeLessThanOrEqual(10);
      for (const element of block.elements) {
        if ('text' in element) {
          expect(element.text.length).toBeLessThanOrEqual(3_000);
          (element.type === 'mrkdwn' ? mrkdwn : plain).push(element.text);
        }
      }
    } else if (block.type === 'actions') {
      expect(block.elements.length).toBeLessThanOrEqual(25);
      for (const element of block.elements) {
        if (element.type !== 'button') continue;
        expect(element.text.text.length).toBeGreaterThan(0);
        expect(element.text.text.length).toBeLessThanOrEqual(75);
        expect(element.value?.length ?? 0).toBeLessThanOrEqual(2_000);
        expect(element.action_id?.length ?? 0).toBeLessThanOrEqual(255);
        plain.push(element.text.text);
      }
    }
  }
  const actionIds = message.blocks.flatMap((block) =>
    block.type === 'actions'
      ? block.elements.map((element) => ('action_id' in element ? element.action_id : ''))
      : [],
  );
  expect(new Set(actionIds).size).toBe(actionIds.length);

  for (const text of [...plain, ...mrkdwn]) {
    // `&`, `<` and `>` are control characters in every Slack text object.
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(text).not.toMatch(SLACK_BROADCAST);
  }
  for (const text of plain) expect(text).not.toMatch(/[<>]/);
  for (const text of mrkdwn) {
    // The only `<…>` left are the renderer's links, and they point at the reply's sources.
    const links = [...text.matchAll(/<(https?:\/\/[^\s|<>]+)\|[^<>]*>/g)];
    for (const link of links) expect(allowed).toContain(link[1]);
    expect(text.replace(/<(https?:\/\/[^\s|<>]+)\|[^<>]*>/g, '')).not.toMatch(/[<>]/);
  }
}

/** Formatting a user typed around the sentinel must not survive into Slack mrkdwn. */
export function expectNoSlackFormattingInjection(message: SlackMessage): void {
  for (const block of message.blocks) {
    const texts =
      block.type === 'section'
        ? [block.text?.text ?? '']
        : block.type === 'context'
          ? block.elements.map((element) => ('text' in element ? element.text : ''))
          : [];
    for (const text of texts) expect(text).not.toMatch(SLACK_MARKUP_AROUND_SENTINEL);
  }
}

export function expectSafeDiscordMessages(
  messages: readonly DiscordMessage[],
  urls: readonly string[],
  visibility: Reply['visibility'],
): void {
  const allowed = new Set(urls.map(linkableUrl));
  expect(messages.length).toBeGreaterThanOrEqual(1);
  // The renderer's own promise: past four messages the rest is cut with a note.
  expect(messages.length).toBeLessThanOrEqual(4);
  for (const message of messages) {
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(message.flags === 64).toBe(visibility === 'private');
    expect(message.embeds.length).toBeGreaterThanOrEqual(1);
    expect(message.embeds.length).toBeLessThanOrEqual(10);
    let total = 0;
    for (const embed of message.embeds) {
      const title = embed.title ?? '';
      const description = embed.description ?? '';
      const footer = embed.footer?.text ?? '';
      expect(title.length + description.length).toBeGreaterThan(0);
      expect(title.length).toBeLessThanOrEqual(256);
      expect(description.length).toBeLessThanOrEqual(4_096);
      expect(footer.length).toBeLessThanOrEqual(2_048);
      expect(embed.fields ?? []).toHaveLength(0);
      total += title.length + description.length + footer.length;
      for (const markdown of [title, description]) expectInertDiscordMarkdown(markdown, allowed);
      expect(footer).not.toMatch(DISCORD_BROADCAST);
      expect(footer).not.toMatch(BIDI);
    }
    expect(total).toBeLessThanOrEqual(6_000);
    expect(message.components.length).toBeLessThanOrEqual(5);
    const ids = new Set<string>();
    for (const row of message.components) {
      expect(row.components.length).toBeLessThanOrEqual(5);
      for (const button of row.components) {
        expect(button.custom_id.length).toBeGreaterThan(0);
        expect(button.custom_id.length).toBeLessThanOrEqual(100);
        expect(ids.has(button.custom_id)).toBe(false);
        ids.add(button.custom_id);
        expect(button.label?.length ?? 0).toBeGreaterThan(0);
        expect(button.label?.length ?? 0).toBeLessThanOrEqual(80);
        expect(button.label).not.toMatch(DISCORD_BROADCAST);
      }
    }
  }
}

/**
 * Discord Markdown with every backslash escape blanked out: what is left is what Discord would
 * read as markup. In it there must be no mention (`<`), no ping, no link but the reply's own,
 * no control or bidi character, and no live markup around the user's sentinel.
 */
export function expectInertDiscordMarkdown(markdown: string, allowedUrls: ReadonlySet<string | null>): void {
  // A cut between a backslash and what it escapes leaves a stray `\` and frees the next character.
  expect(markdown).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
  const live = markdown.replace(/\\[\s\S]/g, '·');
  expect(live).not.toContain('<');
  expect(live).not.toMatch(DISCORD_BROADCAST);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is checked
  expect(live).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(live).not.toMatch(BIDI);
  for (const link of live.matchAll(/\[[^\]]*\]\(([^)]*)\)/g)) expect(allowedUrls).toContain(link[1]);
  expect(live.replace(/\[[^\]]*\]\(([^)]*)\)/g, '')).not.toContain('](');
  expect(live).not.toMatch(DISCORD_MARKUP_AROUND_SENTINEL);
  expect(live).not.toMatch(new RegExp(`(^|\\n)[ \\t]*(#{1,3}|-#|>{1,3}|[-*+]|\\d+\\.)[ \\t]+${SENTINEL}`));
}

export function expectSafePlainText(reply: Reply): string {
  const text = toPlainText(reply);
  // Only the renderer's own line breaks: no ESC sequences, carriage returns or bidi overrides.
  expect(text.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
  expect(text).not.toMatch(BIDI);
  return text;
}

export function expectSafeReplyJson(reply: Reply): void {
  const json = toReplyJson(reply);
  // One object per line is the --stdin contract: a raw line break would split a reply in two.
  expect(json).not.toMatch(/[\n\r]/);
  const parsed = JSON.parse(json) as Record<string, unknown>;
  expect(Object.keys(parsed).sort()).toEqual(['sources', 'suggestions', 'text', 'title', 'topic', 'type']);
  expect(CLI_TYPES).toContain(parsed.type);
  expect(parsed.text).toBe(toPlainText(reply));
  expect(parsed.title).toBe(reply.title);
}
