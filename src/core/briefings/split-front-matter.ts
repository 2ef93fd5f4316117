/** A Markdown file cut into its front-matter block and its body. */
export interface FrontMatterSplit {
  /** The YAML between the `---` lines; empty when the file has no front matter. */
  matter: string;
  body: string;
}

const DELIMITER = '---';

/**
 * Cuts `---`-fenced front matter off a Markdown file, as gray-matter did before it: the file must
 * start with `---` (after an optional byte-order mark), the block ends at the next line that starts
 * with `---`, and one line break after it belongs to the fence. A few lines of our own instead of
 * gray-matter, whose js-yaml 3 and esprima were about 40 modules loaded at every start for this.
 */
export function splitFrontMatter(source: string): FrontMatterSplit {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (!text.startsWith(DELIMITER) || text.charAt(DELIMITER.length) === '-') return { matter: '', body: text };
  // The rest of the opening line (gray-matter read it as a language name, e.g. `---yaml`).
  const openingEnd = text.indexOf('\n', DELIMITER.length);
  if (openingEnd === -1) return { matter: '', body: '' };
  const rest = text.slice(openingEnd);
  const close = rest.indexOf(`\n${DELIMITER}`);
  if (close === -1) return { matter: rest, body: '' };
  let body = rest.slice(close + 1 + DELIMITER.length);
  if (body.startsWith('\r')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  return { matter: rest.slice(0, close), body };
}
