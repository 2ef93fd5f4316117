import type { Reply } from '../../core/reply.ts';

// A terminal shows whatever bytes it gets: strip control characters (an ESC could recolour
// or retitle the terminal) from anything that may have come from a user or a file.
const TERMINAL_CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/** Renders a reply for the console and the `ask` CLI: plain text, sources listed at the end. */
export function toPlainText(reply: Reply): string {
  const lines: string[] = [clean(reply.title)];
  if (reply.summary) lines.push(clean(reply.summary));
  if (reply.footer) lines.push(clean(reply.footer));
  for (const section of reply.sections) {
    lines.push('');
    if (section.heading) lines.push(clean(section.heading), '');
    if (section.paragraphs.length > 0) lines.push(section.paragraphs.map(clean).join('\n\n'));
    if (section.paragraphs.length > 0 && section.items.length > 0) lines.push('');
    for (const item of section.items) lines.push(`- ${formatItem(item)}`);
  }
  // A terminal has no buttons, and a "no matching topic" reply is mostly its buttons: print the
  // command each would run, so the suggestion can be typed.
  if (reply.type === 'not_found') {
    const commands = reply.actions.filter((action) => action.kind === 'command');
    if (commands.length > 0) lines.push('');
    for (const action of commands) lines.push(`→ ${clean(action.label)}: ${clean(action.command)}`);
  }
  if (reply.type === 'briefing' && reply.sources.length > 0) {
    lines.push('', reply.lang === 'ja' ? '出典' : 'Sources');
    for (const source of reply.sources) {
      lines.push(
        `[${source.n}] ${clean(source.title)} — ${clean(source.publisher)}, ${source.date}${source.url ? ` ${source.url}` : ''}`,
      );
    }
  }
  return lines.join('\n');
}

function formatItem(item: Reply['sections'][number]['items'][number]): string {
  const parts = [item.date, item.label].filter((part): part is string => part !== undefined).map(clean);
  const head = parts.length > 0 ? `${parts.join(' ')}: ` : '';
  return `${head}${clean(item.text)}${item.url ? ` <${item.url}>` : ''}`;
}

function clean(text: string): string {
  return text.replace(TERMINAL_CONTROL, '');
}
