import MiniSearch from 'minisearch';
import type { Briefing } from '../briefings/briefing.ts';
import { tokenize } from './tokenize.ts';
import type { TopicId } from './topic-ids.ts';

/** One ranked full-text hit, with the query terms it matched. */
export interface FullTextHit {
  topic: TopicId;
  score: number;
  matchedQueryTerms: string[];
  /** Index terms the query matched (after fuzzy/prefix expansion), for snippets. */
  matchedTerms: string[];
  /** True when a term matched a title, alias or summary, not only the body. */
  matchedName: boolean;
}

interface TopicDocument {
  id: TopicId;
  names: string;
  summary: string;
  body: string;
}

export interface FullTextIndex {
  search(query: string): FullTextHit[];
  /** False while slices are still being added; a search then adds the rest at once. */
  isComplete(): boolean;
}

/** Runs `work` soon, after what is waiting on the event loop (setImmediate in the app). */
export type ScheduleSlice = (work: () => void) => void;

// Briefings added per slice: at 10,000 briefings the whole build is several seconds of CPU, and a
// slice of this many keeps each turn of the event loop to a few milliseconds, so commands keep
// being answered while a reload indexes.
export const BRIEFINGS_PER_SLICE = 10;

/**
 * BM25 search over titles, aliases, summaries and bodies in both languages (MiniSearch):
 * prefix matching for longer words and fuzzy matching for long ones catch "supercomput" and
 * "semiconducters" without letting short words drift. With `scheduleSlice`, documents are added
 * a slice at a time between other work instead of in one blocking call.
 */
export function createFullTextIndex(
  briefings: Iterable<Briefing>,
  scheduleSlice?: ScheduleSlice,
): FullTextIndex {
  const index = new MiniSearch<TopicDocument>({
    fields: ['names', 'summary', 'body'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      boost: { names: 4, summary: 2, body: 1 },
      prefix: (term) => term.length >= 4 && /^[a-z0-9]+$/.test(term),
      fuzzy: (term) => (term.length >= 6 && /^[a-z]+$/.test(term) ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'OR',
    },
  });
  const pending = [...briefings];
  let next = 0;
  const addUpTo = (end: number) => {
    for (; next < Math.min(end, pending.length); next += 1) index.add(toDocument(pending[next]!));
  };
  const addSlice = () => {
    addUpTo(next + BRIEFINGS_PER_SLICE);
    if (next < pending.length) scheduleSlice?.(addSlice);
  };
  // Even the first slice waits its turn: at start-up the index then fills while the adapters
  // wait on the network, and a search that comes first adds what is left at once.
  if (scheduleSlice) scheduleSlice(addSlice);
  else addUpTo(pending.length);

  const search = (query: string): FullTextHit[] => {
    addUpTo(pending.length);
    return index.search(query).map((result) => ({
      topic: result.id as TopicId,
      score: result.score,
      matchedQueryTerms: result.queryTerms,
      matchedTerms: result.terms,
      matchedName: Object.values(result.match).some(
        (fields) => fields.includes('names') || fields.includes('summary'),
      ),
    }));
  };
  return { search, isComplete: () => next >= pending.length };
}

function toDocument(briefing: Briefing): TopicDocument {
  const texts = Object.values(briefing.text);
  return {
    id: briefing.id,
    names: [briefing.id, ...texts.map((text) => text.title), ...briefing.aliases, ...briefing.aliasesJa].join(
      ' \n ',
    ),
    summary: texts.map((text) => text.summary).join(' \n '),
    body: texts
      .flatMap((text) =>
        text.sections.flatMap((section) => [
          section.heading ?? '',
          ...section.paragraphs,
          ...section.bullets,
        ]),
      )
      .join(' \n '),
  };
}
