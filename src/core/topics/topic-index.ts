import type { BriefingLibrary } from '../briefings/briefing.ts';
import type { Language } from '../reply.ts';
import { analyzeQuery, type QueryAnalysis } from './analyze-query.ts';
import {
  createFullTextIndex,
  type FullTextHit,
  type FullTextIndex,
  type ScheduleSlice,
} from './full-text-index.ts';
import { judgeFullText } from './full-text-verdict.ts';
import { aliasKey } from './normalize-query.ts';
import { tokenize } from './tokenize.ts';
import type { TopicId } from './topic-ids.ts';
import { createTopicNames } from './topic-names.ts';

/**
 * What a query asks for. `topic`: one briefing, matched by the stage in `via`; a question
 * carries its content words' search terms (`answerTerms`) for picking the sentences that answer
 * it. `latest`: what is new, for one topic or all. `ambiguous`: the words name several topics
 * about equally. `not_found`: nothing matches well; `suggestions` are the close topics, if any.
 */
export type Resolution =
  | {
      kind: 'topic';
      topic: TopicId;
      via: 'exact' | 'normalized' | 'typo' | 'search';
      answerTerms?: string[];
    }
  | { kind: 'latest'; topic: TopicId | null }
  | { kind: 'ambiguous'; topics: TopicId[]; latest: boolean }
  | { kind: 'not_found'; suggestions: TopicId[] };

export interface TopicIndex {
  resolve(query: string): Resolution;
  /** Ranked full-text hits for a query's content words (question words set aside). */
  search(query: string): FullTextHit[];
  /** Topics for a partial query, best first (autocomplete). */
  suggest(partial: string, limit: number): TopicId[];
  displayTitle(topic: TopicId, lang: Language): string;
}

type ContentResolution = Exclude<Resolution, { kind: 'latest' }>;

// The partnership briefing is the overview of all the others: a question naming it next to a
// specific topic ("what did the council agree on quantum?") is about the specific topic.
const UMBRELLA_TOPIC: TopicId = 'partnership';

function specificTopics(named: TopicId[]): TopicId[] {
  const specific = named.filter((topic) => topic !== UMBRELLA_TOPIC);
  return specific.length === 1 ? specific : named;
}

/**
 * Resolution runs in stages and stops at the first that answers: the whole query as a name
 * (exact, normalised, with typos), then its content words (question words, particles and filler
 * set aside) as a name, as several names, and last as a guarded full-text search.
 */
export interface TopicIndexOptions {
  /** Build the full-text part a slice at a time, from now on (see createFullTextIndex). */
  scheduleSlice?: ScheduleSlice;
  /**
   * The index of the content this one replaces: full-text searches use it, limited to topics the
   * new content still has, until the new full-text index is complete, so a reload never makes a
   * command wait for the whole build. Names, aliases and typos use the new content at once.
   */
  previous?: TopicIndex;
}

export function createTopicIndex(library: BriefingLibrary, options: TopicIndexOptions = {}): TopicIndex {
  const briefings = [...library.briefings.values()];
  const names = createTopicNames(briefings);
  // Sliced, the build starts now and fills between requests; otherwise it is built on the first
  // query that needs it, so a name, a digest command or `help` never waits for every body.
  let fullText: FullTextIndex | undefined = options.scheduleSlice
    ? createFullTextIndex(briefings, options.scheduleSlice)
    : undefined;
  let previous = options.previous;
  const searchFullText = (query: string): FullTextHit[] => {
    fullText ??= createFullTextIndex(briefings);
    if (previous && !fullText.isComplete())
      return previous.search(query).filter((hit) => library.briefings.has(hit.topic));
    previous = undefined;
    return fullText.search(query);
  };
  const isName = (key: string) => names.byKey(aliasKey(key)) !== undefined;

  const resolveContent = (analysis: QueryAnalysis, wholeKey: string): ContentResolution => {
    const { words, searchWords, question } = analysis;
    if (words.length === 0) return { kind: 'not_found', suggestions: [] };
    const answerTerms = question ? { answerTerms: tokenize(words.join(' ')) } : {};
    const key = aliasKey(words.join(' '));
    // The whole query was already tried as a name, and for typos too unless it was a question.
    if (key !== wholeKey || question) {
      const normalized = names.byKey(key);
      if (normalized) return { kind: 'topic', topic: normalized, via: 'normalized', ...answerTerms };
      const typo = names.byTypo(key);
      if (typo) return { kind: 'topic', topic: typo, via: 'typo', ...answerTerms };
    }
    const named = specificTopics(names.namedIn(words));
    if (named.length > 1) return { kind: 'ambiguous', topics: named, latest: false };
    const verdict = judgeFullText(searchFullText(searchWords.join(' ')), searchWords, named[0]);
    if (verdict.kind === 'not_found') return verdict;
    return { kind: 'topic', topic: verdict.topic, via: 'search', answerTerms: tokenize(words.join(' ')) };
  };

  const resolve = (query: string): Resolution => {
    const exact = names.exact(query);
    if (exact) return { kind: 'topic', topic: exact, via: 'exact' };
    const key = aliasKey(query);
    if (key === '') return { kind: 'not_found', suggestions: [] };
    const normalized = names.byKey(key);
    if (normalized) return { kind: 'topic', topic: normalized, via: 'normalized' };
    const analysis = analyzeQuery(query, isName);
    // A typo is looked for in the whole query only when it is not phrased as a question: in
    // "tell me about qunatum" the typo is in the content words, which the next stage tries.
    const typo = analysis.question ? undefined : names.byTypo(key);
    if (typo) return { kind: 'topic', topic: typo, via: 'typo' };
    if (!analysis.latest) return resolveContent(analysis, key);
    if (analysis.words.length === 0) return { kind: 'latest', topic: null };
    const inner = resolveContent(analysis, key);
    if (inner.kind === 'topic') return { kind: 'latest', topic: inner.topic };
    return inner.kind === 'ambiguous' ? { ...inner, latest: true } : inner;
  };

  const search = (query: string): FullTextHit[] => {
    const { searchWords } = analyzeQuery(query, isName);
    return searchFullText(searchWords.length > 0 ? searchWords.join(' ') : query);
  };

  const suggest = (partial: string, limit: number): TopicId[] => {
    const { words } = analyzeQuery(partial, isName);
    const content = words.join(' ');
    const key = aliasKey(content);
    if (key === '') return briefings.map((briefing) => briefing.id).slice(0, limit);
    const byName = names.startingWith(key);
    const byText = searchFullText(content).map((hit) => hit.topic);
    return [...new Set([...byName, ...byText])].slice(0, limit);
  };

  return {
    resolve,
    search,
    suggest,
    displayTitle: (topic, lang) => {
      const briefing = library.briefings.get(topic);
      return briefing?.text[lang]?.title ?? briefing?.text.en.title ?? topic;
    },
  };
}
