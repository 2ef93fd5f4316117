import { normalizeQuery, singularize } from './normalize-query.ts';
import { ENGLISH_QUESTION_WORDS } from './question-words.ts';

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;

// Words a search must not rank on: they appear in every briefing or in any sentence.
const STOP_WORDS = new Set([...ENGLISH_QUESTION_WORDS, 'new', 'latest']);

/**
 * Search terms of a text. Japanese has no spaces, so each run of kana/kanji also yields its
 * character bigrams: "半導体の供給網" matches a query for "半導体".
 */
export function tokenize(text: string): string[] {
  const normalized = normalizeQuery(text);
  const terms: string[] = [];
  for (const word of normalized.split(' ')) {
    if (word === '' || STOP_WORDS.has(word)) continue;
    const cjkRuns = word.match(CJK_RUN);
    if (!cjkRuns) {
      terms.push(singularize(word));
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
