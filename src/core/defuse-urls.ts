// A scheme followed by `://`: what Discord and Slack clients turn into a link when they see it in
// plain text, whatever the text around it.
const SCHEME = /([A-Za-z][A-Za-z0-9+.-]{0,31}):\/\//g;

/**
 * Keeps a URL in text we did not write (a query echoed in "no match for …") visible but not
 * clickable: a WORD JOINER (U+2060) between the scheme's `:` and `//` stops the clients'
 * linkifiers, which look for `scheme://` in one piece. Links the bot means to make are built by
 * the renderers from source URLs, never from text, so they are unaffected.
 */
export function defuseBareUrls(text: string): string {
  return text.replace(SCHEME, '$1:\u2060//');
}
