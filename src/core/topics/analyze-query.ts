import { normalizeQuery } from './normalize-query.ts';
import {
  ENGLISH_QUESTION_WORDS,
  GENERIC_WORDS,
  JAPANESE_FUNCTION_WORDS,
  JAPANESE_QUESTION_PHRASES,
  LATEST_PHRASES_ENGLISH,
  LATEST_PHRASES_JAPANESE,
} from './question-words.ts';

/** What a query asks about once the words around its topic words are set aside. */
export interface QueryAnalysis {
  /** The content words, normalised, in order: "what is the eu doing on 6g" → ["6g"]. */
  words: string[];
  /**
   * The content words with the partnership's shared vocabulary kept ("quantum cooperation"):
   * what a full-text match is judged on, since "cooperation" only helps a name, never a search.
   */
  searchWords: string[];
  /** True when the query asked for what is new ("what's new", "最新情報"). */
  latest: boolean;
  /** True when anything was set aside: the query was phrased as a question, not as a name. */
  question: boolean;
}

const QUESTION_WORDS = new Set(ENGLISH_QUESTION_WORDS);
const GENERIC = new Set(GENERIC_WORDS);
// Longest first, so "教えてください" goes before "教えて" and "最新情報" before "最新".
const byLengthDescending = (a: string, b: string) => b.length - a.length;
const JAPANESE_PHRASES = [...JAPANESE_QUESTION_PHRASES].sort(byLengthDescending);
const JAPANESE_LATEST = [...LATEST_PHRASES_JAPANESE].sort(byLengthDescending);
// Cut out of longer Japanese words too ("量子協力" → "量子"); one character is too little to cut on.
const JAPANESE_GENERIC = GENERIC_WORDS.filter(
  (word) => word.length >= 2 && /\p{Script=Han}|\p{Script=Katakana}/u.test(word),
).sort(byLengthDescending);
const ENGLISH_LATEST = LATEST_PHRASES_ENGLISH.map((phrase) => phrase.split(' ')).sort(
  (a, b) => b.length - a.length,
);
const FUNCTION_WORDS = new Set(JAPANESE_FUNCTION_WORDS);
const LONGEST_FUNCTION_WORD = Math.max(...JAPANESE_FUNCTION_WORDS.map((word) => word.length));

const HIRAGANA_RUN = /\p{Script=Hiragana}+/gu;
const LEADING_HIRAGANA = /^\p{Script=Hiragana}+/u;
const TRAILING_HIRAGANA = /\p{Script=Hiragana}+$/u;
const SCRIPT_BOUNDARY = /(?<=[a-z0-9])(?=[^a-z0-9])|(?<=[^a-z0-9])(?=[a-z0-9])/u;

/**
 * Sets aside question words, politeness and filler in English, and particles and endings in
 * Japanese, leaving the words that can name a topic. `isName` keeps a piece that is itself a
 * topic name whole ("協力趣意書" is not "協力" + "趣意書").
 */
export function analyzeQuery(text: string, isName: (key: string) => boolean = () => false): QueryAnalysis {
  let normalized = ` ${normalizeQuery(text)} `;
  let latest = false;
  for (const phrase of JAPANESE_LATEST) {
    if (normalized.includes(phrase)) {
      latest = true;
      normalized = normalized.replaceAll(phrase, ' ');
    }
  }
  for (const phrase of JAPANESE_PHRASES) normalized = normalized.replaceAll(phrase, ' ');
  let words = normalized.split(' ').filter((word) => word !== '');
  const withoutLatest = removeEnglishLatest(words);
  latest ||= withoutLatest.length < words.length;
  words = withoutLatest;

  const pieces = words.flatMap((word) => splitJapanese(word, isName));
  const meaningful = pieces.filter((piece) => !QUESTION_WORDS.has(piece));
  const specific = meaningful.filter((piece) => !GENERIC.has(piece));
  const content = specific.length > 0 ? specific : meaningful;
  const question = latest || content.join(' ') !== normalizeQuery(text);
  return { words: content, searchWords: meaningful, latest, question };
}

function removeEnglishLatest(words: readonly string[]): string[] {
  const kept: string[] = [];
  for (let position = 0; position < words.length; ) {
    const phrase = ENGLISH_LATEST.find((candidate) =>
      candidate.every((word, offset) => words[position + offset] === word),
    );
    if (phrase) position += phrase.length;
    else kept.push(words[position++]!);
  }
  return kept;
}

// A word is cut where a hiragana run is made only of function words; a piece that is not a
// topic name is cut again between Latin and Japanese script and around shared vocabulary.
function splitJapanese(word: string, isName: (key: string) => boolean): string[] {
  // A name may hold particles itself ("データの自由な流通"): try it with only the question's
  // leading and trailing function words taken off before cutting inside it.
  const trimmed = word
    .replace(LEADING_HIRAGANA, (run) => (spellsFunctionWords(run) ? '' : run))
    .replace(TRAILING_HIRAGANA, (run) => (spellsFunctionWords(run) ? '' : run));
  if (trimmed !== '' && isName(trimmed)) return [trimmed];
  let marked = word;
  for (const run of word.match(HIRAGANA_RUN) ?? []) {
    if (spellsFunctionWords(run)) marked = marked.replace(run, ' ');
  }
  return marked
    .split(' ')
    .filter((piece) => piece !== '')
    .flatMap((piece) => (isName(piece) ? [piece] : splitUnnamed(piece)));
}

function splitUnnamed(piece: string): string[] {
  return piece.split(SCRIPT_BOUNDARY).flatMap((part) => {
    let rest = part;
    for (const generic of JAPANESE_GENERIC) {
      if (rest !== generic) rest = rest.replaceAll(generic, ' ');
    }
    return rest.split(' ').filter((fragment) => fragment !== '');
  });
}

// True when the run splits completely into listed function words (a small dynamic programme).
function spellsFunctionWords(run: string): boolean {
  const reachable = [true, ...Array.from({ length: run.length }, () => false)];
  for (let end = 1; end <= run.length; end++) {
    for (let start = Math.max(0, end - LONGEST_FUNCTION_WORD); start < end && !reachable[end]; start++) {
      reachable[end] = reachable[start]! && FUNCTION_WORDS.has(run.slice(start, end));
    }
  }
  return reachable[run.length]!;
}
