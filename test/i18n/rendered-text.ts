import { toPlainText } from '../../src/adapters/console/to-plain-text.ts';
import { toDiscordMessages } from '../../src/adapters/discord/to-discord-messages.ts';
import { toSlackMessage } from '../../src/adapters/slack/to-slack-message.ts';
import type { Reply } from '../../src/core/reply.ts';

/** Every string a renderer shows: nested text fields, never URLs, ids or button values. */
export function shownStrings(rendered: unknown): string[] {
  const hidden = new Set([
    'url',
    'action_id',
    'block_id',
    'custom_id',
    'value',
    'type',
    'style',
    'image_url',
  ]);
  if (typeof rendered === 'string') return [rendered];
  if (Array.isArray(rendered)) return rendered.flatMap(shownStrings);
  if (rendered && typeof rendered === 'object')
    return Object.entries(rendered).flatMap(([key, value]) => (hidden.has(key) ? [] : shownStrings(value)));
  return [];
}

/** What a reader sees of a reply on each platform, with the platform's escaping undone. */
export const RENDERERS = [
  ['the console', (reply: Reply) => toPlainText(reply)],
  [
    'Slack',
    (reply: Reply) =>
      shownStrings(toSlackMessage(reply))
        .join('\n')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/\u200b/g, ''),
  ],
  ['Discord', (reply: Reply) => shownStrings(toDiscordMessages(reply)).join('\n').replace(/\\(.)/g, '$1')],
] as const;
