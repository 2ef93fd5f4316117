const APOSTROPHE_IN_WORD = /(?<=\p{L})['’](?=\p{L})/gu;

/**
 * The comparable form of what a person typed: NFKC folds full-width letters and half-width
 * katakana, case is folded, an apostrophe inside a word goes ("what's" is "whats", "Japan's" is
 * "japans"), other punctuation and repeated spaces become one space.
 */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKC')
    .replace(APOSTROPHE_IN_WORD, '')
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Crude English singular: "chips" → "chip", "supercomputers" → "supercomputer", "policies" → "policy". */
export function singularize(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Normalised and singularised, word by word: the key used for alias matching. */
export function aliasKey(text: string): string {
  return normalizeQuery(text).split(' ').map(singularize).join(' ');
}
