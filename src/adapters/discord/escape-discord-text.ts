import { defuseBareUrls } from '../../core/defuse-urls.ts';
import { webUrlHref } from '../../core/web-url.ts';

// Control characters (except tab and newline) and bidirectional overrides can reorder or hide
// text around a link or a name, so they never reach Discord.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

// Characters Discord's Markdown gives a meaning anywhere in a line. `<` starts user, role,
// channel, slash-command and timestamp mentions; `[` and `]` start masked links.
const INLINE_MARKUP = /[\\*_~`|>#[\]<]/g;

// At the start of a line `-`, `+` and `1.` start lists, and `-#` starts subtext (its `#` is
// already escaped when this runs).
const LINE_START_MARKUP = /^(\s*)([-+]|\d+\.)(?=\s|\\#|$)/gm;

/** Removes characters that could reorder or hide text; keeps line breaks and tabs. */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '').replace(/@(everyone|here)/gi, '@\u200b$1');
}

/**
 * Escapes plain text for a Markdown-rendering Discord field (titles, descriptions, field values)
 * so it shows exactly as written: no formatting, no masked links, no mention chips, no pings, and
 * no bare URL that Discord would make clickable.
 */
export function escapeDiscordMarkdown(text: string): string {
  return defuseBareUrls(sanitizeText(text))
    .replace(INLINE_MARKUP, (char) => `\\${char}`)
    .replace(LINE_START_MARKUP, (_match, indent: string, marker: string) => {
      return marker.endsWith('.') ? `${indent}${marker.slice(0, -1)}\\.` : `${indent}\\${marker}`;
    });
}

/**
 * Escapes a list marker at the very start of a piece of already-escaped text. A cut can turn the
 * middle of a line ("… in 2024 - the council …") into the start of a new embed.
 */
export function escapeLeadingMarker(markdown: string): string {
  return markdown.replace(/^([-+]|\d+\.)(?=\s|\\#|$)/, (marker: string) =>
    marker.endsWith('.') ? `${marker.slice(0, -1)}\\.` : `\\${marker}`,
  );
}

/**
 * A URL that can sit inside `[label](url)` without ending it early, or null when it is not an
 * http(s) URL. Discord only links http(s), and `)`, `<`, `>` or spaces would break the link.
 */
export function linkableUrl(url: string | null | undefined): string | null {
  const href = webUrlHref(url);
  if (href === null) return null;
  return href.replace(
    /[()<>\s]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** A masked link whose label is escaped plain text. */
export function maskedLink(label: string, url: string): string {
  return `[${escapeDiscordMarkdown(label)}](${url})`;
}
