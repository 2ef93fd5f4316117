/**
 * The normalised href of an http(s) URL, or null for anything else (no URL, `javascript:`,
 * `file:`, garbage). Renderers link only what passes here, whatever the content says.
 */
export function webUrlHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
