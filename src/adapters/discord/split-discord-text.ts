// A masked link `[label](url)` (labels may hold escaped brackets) must never be cut in two:
// each half would show raw Markdown. A link starts at an unescaped `[` and its label holds no
// unescaped `[`, so an escaped literal `\[` in a paragraph cannot stretch a "link" to the next one.
const MASKED_LINK = /(?<!\\)\[(?:\\.|[^[\]\\])*\]\([^)\s]*\)/g;

// Where a cut reads best, in order: between paragraphs, between lines, after a sentence, between
// words, after Japanese punctuation. Each pattern ends where the next piece may start.
const BREAKS: readonly RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?](?=\s)|[。！？]/g, /\s+/g, /[、，]/g];

/**
 * Splits Markdown into pieces of at most `limit` characters, cutting at the best boundary that
 * keeps each piece at least half full, never inside a word, a masked link or an escape.
 */
export function splitDiscordText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** The index at which to cut `text` so that the first part has at most `limit` characters. */
export function findCut(text: string, limit: number): number {
  const links = linkSpans(text);
  const isSafe = (index: number) =>
    index > 0 && index <= limit && !links.some(([start, end]) => index > start && index < end);
  const preferredMinimum = Math.floor(limit / 2);
  for (const pattern of BREAKS) {
    const cut = lastBreak(text, pattern, limit, isSafe);
    if (cut !== null && cut >= preferredMinimum) return cut;
  }
  for (const pattern of BREAKS) {
    const cut = lastBreak(text, pattern, limit, isSafe);
    if (cut !== null) return cut;
  }
  return hardCut(text, limit, links);
}

function lastBreak(
  text: string,
  pattern: RegExp,
  limit: number,
  isSafe: (index: number) => boolean,
): number | null {
  let best: number | null = null;
  for (const match of text.slice(0, limit + 1).matchAll(pattern)) {
    // Whitespace is dropped at the cut, so a cut may sit at either end of a whitespace run.
    const end = match.index + match[0].length;
    const candidate = /^\s+$/.test(match[0]) ? match.index : end;
    if (isSafe(candidate)) best = candidate;
    else if (isSafe(end)) best = end;
  }
  return best;
}

// No boundary at all (one enormous word or an unbroken run of text): cut at the limit, but not
// inside a link, between a backslash and what it escapes, or inside a surrogate pair.
function hardCut(text: string, limit: number, links: [number, number][]): number {
  let cut = limit;
  const link = links.find(([start, end]) => cut > start && cut < end);
  if (link && link[0] > 0) cut = link[0];
  if (isLowSurrogate(text.charCodeAt(cut))) cut -= 1;
  let backslashes = 0;
  while (cut - backslashes - 1 >= 0 && text[cut - backslashes - 1] === '\\') backslashes += 1;
  if (backslashes % 2 === 1) cut -= 1;
  return Math.max(cut, 1);
}

function linkSpans(text: string): [number, number][] {
  return [...text.matchAll(MASKED_LINK)].map((match) => [match.index, match.index + match[0].length]);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Shortens text to at most `limit` characters at a clean boundary, marking the cut with "…". */
export function truncateDiscordText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, findCut(text, limit - 1)).trimEnd()}…`;
}
