import { defuseBareUrls } from '../../core/defuse-urls.ts';
import { webUrlHref } from '../../core/web-url.ts';
/**
 * Slack reads `&`, `<` and `>` as control characters: `<!channel>`, `<@U123>` and `<url|label>`
 * are all markup. Everything we did not write ourselves (briefing content, echoed user text) goes
 * through here before it is placed in any Slack text object, plain_text included.
 */
export function escapeSlackText(text: string): string {
  const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  // Slack clients link a bare URL in mrkdwn (and in the notification text) on their own.
  return defuseBroadcasts(defuseFormatting(defuseBareUrls(escaped)));
}

/**
 * mrkdwn has no backslash escape, so `*bold*`, `_italic_`, `~strike~` and backticks in text we
 * did not write (a query echoed in "no match for …") would format. A ZERO WIDTH SPACE on each
 * side of a marker keeps it visible but stops it opening or closing a span: the renderer's own
 * `*heading*` is added after this, so it still formats.
 */
function defuseFormatting(text: string): string {
  return text.replace(/[*_~`]/g, '\u200B$&\u200B');
}

/**
 * We never send `link_names` or `parse: 'full'`, so a bare `@channel` should stay inert. It is
 * still defused with an invisible WORD JOINER (U+2060) after the `@`: it keeps the text readable,
 * and no parser (a client rendering the notification fallback, a future flag someone adds) can
 * recognise the broadcast keyword any more. Email-like `a@here.org` is left alone.
 */
function defuseBroadcasts(text: string): string {
  return text.replace(/(^|[^\w.@])@(channel|here|everyone)\b/gi, '$1@\u2060$2');
}

/** An http(s) URL made safe to sit inside `<url|label>`, or null when it is not a web link. */
export function toSafeSlackUrl(url: string | null | undefined): string | null {
  const href = webUrlHref(url);
  if (href === null) return null;
  // WHATWG serialisation already percent-encodes spaces, `<` and `>`; `|` would end the URL part
  // of the link early, and `&` is written as an entity like everywhere else in Slack text.
  return href.replaceAll('|', '%7C').replaceAll('<', '%3C').replaceAll('>', '%3E').replaceAll('&', '&amp;');
}

/** `<url|label>` when the URL is a safe web link, otherwise just the label. `label` is already escaped. */
export function slackLink(url: string | null | undefined, escapedLabel: string): string {
  const safe = toSafeSlackUrl(url);
  return safe ? `<${safe}|${escapedLabel}>` : escapedLabel;
}

/**
 * The atoms of escaped Slack text that must never be cut: a whole `<…>` link, an `&…;` entity,
 * or one code point (so a surrogate pair stays whole).
 */
export function toSlackAtoms(text: string): string[] {
  return text.match(/<[^<>]*>|&(?:amp|lt|gt);|[\s\S]/gu) ?? [];
}

/**
 * Shortens escaped text to `max` characters with an ellipsis, at a word boundary when there is one
 * in the last third, and never inside an entity, a link or a surrogate pair.
 */
export function truncateSlackText(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  const atoms = toSlackAtoms(escaped);
  let length = 0;
  let cut = 0;
  let lastSpace = -1;
  for (const [index, atom] of atoms.entries()) {
    if (length + atom.length > max - 1) break;
    length += atom.length;
    cut = index + 1;
    if (atom === ' ' || atom === '\n') lastSpace = index;
  }
  const end = lastSpace > (cut * 2) / 3 ? lastSpace : cut;
  return `${atoms.slice(0, end).join('').trimEnd()}…`;
}

/**
 * Slack delivers what a user typed with `&`, `<` and `>` as entities; the core should see the
 * characters themselves. Whatever it echoes is escaped again by the renderer.
 */
export function unescapeSlackText(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
