import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  MessageFlags,
} from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import { toButtonRows } from './discord-buttons.ts';
import { discordMessages } from './discord-messages.ts';
import { escapeDiscordMarkdown, escapeLeadingMarker, sanitizeText } from './escape-discord-text.ts';
import { renderReplyMarkdown } from './render-reply-markdown.ts';
import { findCut, truncateDiscordText } from './split-discord-text.ts';

/** One Discord message, shaped for discord.js reply/followUp options. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  flags?: MessageFlags.Ephemeral;
  allowedMentions: { parse: [] };
}

/** Discord's embed limits (characters, except the counts). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  footer: 2048,
  totalPerMessage: 6000,
  embedsPerMessage: 10,
} as const;

// A long digest may need more than one message; past this many the rest is cut with a note,
// because a wall of messages is worse than a pointer to a narrower command.
const MESSAGES_MAX = 4;
// Below this much room a new embed is not worth starting; the text moves to the next message.
const SMALLEST_PIECE = 200;
const EU_BLUE = 0x003399;
// 64: only the person who ran the command sees the message.
const EPHEMERAL = 64 as MessageFlags.Ephemeral;

/**
 * Renders a reply as one or more Discord messages within every embed limit, splitting the body
 * at paragraph, sentence or word boundaries. Buttons go on the last message. Pure.
 */
export function toDiscordMessages(
  reply: Reply,
  options: { ephemeral?: boolean } = {},
): [DiscordMessage, ...DiscordMessage[]] {
  const ephemeral = options.ephemeral ?? reply.visibility === 'private';
  const strings = discordMessages(reply.lang);
  const title = truncateDiscordText(escapeDiscordMarkdown(reply.title), EMBED_LIMITS.title);
  const continuedTitle = truncateDiscordText(`${title} ${strings.continued}`, EMBED_LIMITS.title);
  const footerText = reply.footer ?? (reply.asOf ? strings.asOf(reply.asOf) : '');
  // Footers show no Markdown, so they are only cleaned, not escaped.
  const footer = truncateDiscordText(sanitizeText(footerText), EMBED_LIMITS.footer);
  const shortened = escapeDiscordMarkdown(strings.shortened);

  const pages: APIEmbed[][] = [];
  let rest = renderReplyMarkdown(reply);
  while (pages.length < MESSAGES_MAX && (rest || pages.length === 0)) {
    const pageTitle = pages.length === 0 ? title : continuedTitle;
    // Room is kept on every page for the footer and the "shortened" note, since either may land on it.
    let room = EMBED_LIMITS.totalPerMessage - pageTitle.length - footer.length - shortened.length - 2;
    const embeds: APIEmbed[] = [];
    while (embeds.length < EMBED_LIMITS.embedsPerMessage && (rest || embeds.length === 0)) {
      const cap = Math.min(EMBED_LIMITS.description, room);
      if (embeds.length > 0 && cap < SMALLEST_PIECE) break;
      const cut = rest.length <= cap ? rest.length : findCut(rest, cap);
      const description = rest.slice(0, cut).trimEnd();
      rest = escapeLeadingMarker(rest.slice(cut).trimStart());
      room -= description.length;
      embeds.push({
        color: EU_BLUE,
        ...(embeds.length === 0 && pageTitle ? { title: pageTitle } : {}),
        description,
      });
    }
    pages.push(embeds);
  }

  const lastPage = pages[pages.length - 1] as APIEmbed[];
  const lastEmbed = lastPage[lastPage.length - 1] as APIEmbed;
  if (rest) lastEmbed.description = `${lastEmbed.description ?? ''}\n\n${shortened}`;
  if (footer) lastEmbed.footer = { text: footer };
  for (const page of pages) {
    for (const embed of page) {
      if (!embed.description) delete embed.description;
      // Discord rejects an embed with nothing in it.
      if (!embed.title && !embed.description) embed.description = '—';
    }
  }

  const messages = pages.map(
    (embeds): DiscordMessage => ({
      embeds,
      components: [],
      ...(ephemeral ? { flags: EPHEMERAL } : {}),
      allowedMentions: { parse: [] },
    }),
  );
  (messages[messages.length - 1] as DiscordMessage).components = toButtonRows(reply, { ephemeral });
  return messages as [DiscordMessage, ...DiscordMessage[]];
}
