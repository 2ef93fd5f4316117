import type { DiscordMessage } from '../adapters/discord/to-discord-messages.ts';
import { escapeHtml, safeHref } from './html.ts';

/** Discord messages (embeds, fields, buttons) as HTML, with each message's character count. */
export function discordHtml(messages: readonly DiscordMessage[]): string {
  return messages
    .map((message, index) => {
      const total = message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
      const embeds = message.embeds
        .map((embed) => {
          const color = `#${(embed.color ?? 0x5865f2).toString(16).padStart(6, '0')}`;
          const fields = (embed.fields ?? [])
            .map(
              (field) =>
                `<div class="discord-field${field.inline ? ' inline' : ''}"><div class="discord-field-name">${markdownHtml(field.name)}</div><div>${markdownHtml(field.value)}</div></div>`,
            )
            .join('');
          return (
            `<div class="discord-embed" style="border-left-color:${color}">` +
            (embed.title ? `<div class="discord-title">${markdownHtml(embed.title)}</div>` : '') +
            (embed.description
              ? `<div class="discord-description">${markdownHtml(embed.description)}</div>`
              : '') +
            (fields ? `<div class="discord-fields">${fields}</div>` : '') +
            (embed.footer?.text ? `<div class="discord-footer">${escapeHtml(embed.footer.text)}</div>` : '') +
            '</div>'
          );
        })
        .join('');
      const buttons = message.components
        .map(
          (row) =>
            `<div class="discord-row">${row.components
              .map(
                (button) =>
                  `<span class="discord-button style-${button.style}">${escapeHtml(button.label ?? '')}</span>`,
              )
              .join('')}</div>`,
        )
        .join('');
      const ephemeral = message.flags ? '<div class="discord-ephemeral">Only you can see this</div>' : '';
      return (
        `<div class="discord-message" data-part="${index + 1}">` +
        `<div class="discord-author"><span class="avatar">eu</span><b>eujp</b> <span class="app">APP</span></div>` +
        `${embeds}${buttons}${ephemeral}` +
        `<div class="limit${total > 6000 ? ' over' : ''}">${total.toLocaleString('en')} / 6,000 characters</div></div>`
      );
    })
    .join('');
}

/** What Discord counts against the 6,000 characters of a message's embeds. */
function embedLength(embed: DiscordMessage['embeds'][number]): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

// A `[` escaped as `\[` is text, never the start of a link (citations are `\[[n](url)\]`).
const LINK = /(?<!\\)\[((?:\\.|[^\]\\])*)\]\(<?(https?:[^)>\s]+)>?\)/g;

/** Discord Markdown: backslash escapes, **bold**, *italic*, `code`, [label](url), line breaks. */
export function markdownHtml(markdown: string): string {
  let html = '';
  let last = 0;
  for (const match of markdown.matchAll(LINK)) {
    html += inline(markdown.slice(last, match.index));
    const href = safeHref(match[2] ?? '');
    const label = inline(match[1] ?? '');
    html += href ? `<a href="${href}" target="_blank" rel="noreferrer">${label}</a>` : label;
    last = match.index + match[0].length;
  }
  return (html + inline(markdown.slice(last))).replaceAll('\n', '<br>');
}

function inline(markdown: string): string {
  // Escaped characters are set aside first so they never open or close a span.
  const held: string[] = [];
  const text = markdown.replace(/\\(.)/gu, (_, char: string) => {
    held.push(char);
    return `\uE000${held.length - 1}\uE000`;
  });
  return escapeHtml(text)
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*\n]+)\*\*/g, '<b>$1</b>')
    .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1<i>$2</i>')
    .replace(/\uE000(\d+)\uE000/g, (_, index: string) => escapeHtml(held[Number(index)] ?? ''));
}
