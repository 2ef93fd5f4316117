import type { Reply, ReplyItem, ReplySection, SourceRef } from '../../core/reply.ts';
import { escapeDiscordMarkdown, linkableUrl, maskedLink } from './escape-discord-text.ts';

const CITATION = /\[(\d{1,3})\]/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The reply's body as Discord Markdown: every piece of reply text escaped, citations `[n]`
 * linked to their source, blocks separated by blank lines so the splitter can cut between them.
 */
export function renderReplyMarkdown(reply: Reply): string {
  const blocks: string[] = [];
  if (reply.summary) blocks.push(withCitations(reply.summary, reply.sources));
  for (const section of reply.sections) blocks.push(...renderSection(section, reply.sources));
  if (reply.type === 'sources' && !reply.sections.some((section) => section.items.length > 0)) {
    blocks.push(reply.sources.map(renderSource).join('\n'));
  }
  return blocks.filter((block) => block.trim()).join('\n\n');
}

function renderSection(section: ReplySection, sources: readonly SourceRef[]): string[] {
  const blocks = section.paragraphs.map((paragraph) => withCitations(paragraph, sources));
  if (section.items.length > 0)
    blocks.push(section.items.map((item) => renderItem(item, sources)).join('\n'));
  // The heading travels with the first block so a cut never leaves it alone at an embed's end.
  if (section.heading) {
    const heading = `**${escapeDiscordMarkdown(section.heading)}**`;
    blocks[0] = blocks[0] === undefined ? heading : `${heading}\n${blocks[0]}`;
  }
  return blocks;
}

function renderItem(item: ReplyItem, sources: readonly SourceRef[]): string {
  const parts: string[] = [];
  if (item.date) parts.push(ISO_DATE.test(item.date) ? `\`${item.date}\`` : escapeDiscordMarkdown(item.date));
  if (item.label) parts.push(`**${escapeDiscordMarkdown(item.label)}**`);
  parts.push(withCitations(item.text, sources));
  const url = linkableUrl(item.url);
  if (url) parts.push(`[↗](${url})`);
  return `• ${parts.join(' ')}`;
}

function renderSource(source: SourceRef): string {
  const url = linkableUrl(source.url);
  const title = url ? maskedLink(source.title, url) : escapeDiscordMarkdown(source.title);
  const details = [source.publisher, source.date].filter(Boolean).map(escapeDiscordMarkdown).join(', ');
  return `**\\[${source.n}\\]** ${title}${details ? ` — ${details}` : ''}`;
}

// `[3]` becomes `[` + a link labelled 3 + `]`, so the brackets stay visible and the number is
// clickable; a number without a linkable source stays plain.
function withCitations(text: string, sources: readonly SourceRef[]): string {
  let rendered = '';
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    rendered += escapeDiscordMarkdown(text.slice(last, match.index));
    const n = Number(match[1]);
    const url = linkableUrl(sources.find((source) => source.n === n)?.url);
    rendered += url ? `\\[[${n}](${url})\\]` : `\\[${n}\\]`;
    last = match.index + match[0].length;
  }
  return rendered + escapeDiscordMarkdown(text.slice(last));
}
