import { normalizeQuery, singularize } from './normalize-query.ts';
import { ENGLISH_QUESTION_WORDS } from './question-words.ts';

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;

// Index builds tokenize every body of every briefing, and prose repeats its words: the singular
// of each word is remembered (bounded, so odd input cannot grow it without end).
const SINGULAR_CACHE_LIMIT = 50_000;
const singulars = new Map<string, string>();

function cachedSingular(word: string): string {
  let singular = singulars.get(word);
  if (singular === undefined) {
    if (singulars.size >= SINGULAR_CACHE_LIMIT) singulars.clear();
    singular = singularize(word);
    singulars.set(word, singular);
  }
  return singular;
}

// Words a search must not rank on: they appear in every briefing or in any sentence.
const STOP_WORDS = new Set([...ENGLISH_QUESTION_WORDS, 'new', 'latest']);

/**
 * Search terms of a text. Japanese has no spaces, so each run of kana/kanji also yields its
 * character bigrams: "半導体の供給網" matches a query for "半導体".
 */
export function tokenize(text: string): string[] {
  const normalized = normalizeQuery(text);
  const terms: string[] = [];
  // Most text has no kana or kanji at all: one test for the whole text spares one per word.
  const mayHaveCjk = HAS_CJK.test(normalized);
  for (const word of normalized.split(' ')) {
    if (word === '' || STOP_WORDS.has(word)) continue;
    const cjkRuns = mayHaveCjk ? word.match(CJK_RUN) : null;
    if (!cjkRuns) {
      terms.push(cachedSingular(word));
      continue;
    }
    const latin = word.replace(CJK_RUN, ' ').trim();
    if (latin !== '') terms.push(...latin.split(' ').map(singularize));
    for (const run of cjkRuns) terms.push(...bigrams(run));
  }
  return terms;
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return [run];
  return chars.slice(0, -1).map((char, index) => char + chars[index + 1]);
}
