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
  /** True when a term matched a name the body mentions (HANAMI, Q-NEKO, 「富岳」). */
  matchedEntity: boolean;
}

interface TopicDocument {
  id: TopicId;
  names: string;
  summary: string;
  entities: string;
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
    fields: ['names', 'summary', 'entities', 'body'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      boost: { names: 4, summary: 2, entities: 1, body: 1 },
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
      matchedEntity: Object.values(result.match).some((fields) => fields.includes('entities')),
    }));
  };
  return { search, isComplete: () => next >= pending.length };
}

function toDocument(briefing: Briefing): TopicDocument {
  const texts = Object.values(briefing.text);
  const body = texts.flatMap((text) =>
    text.sections.flatMap((section) => [section.heading ?? '', ...section.paragraphs, ...section.bullets]),
  );
  return {
    id: briefing.id,
    names: [briefing.id, ...texts.map((text) => text.title), ...briefing.aliases, ...briefing.aliasesJa].join(
      ' \n ',
    ),
    summary: texts.map((text) => text.summary).join(' \n '),
    entities: body.flatMap(entityNames).join(' \n '),
    body: body.join(' \n '),
  };
}

// Proper names as a body writes them: two capitals or a digit or hyphen ("HANAMI", "Q-NEKO",
// "EuroHPC"), a capitalised word inside a sentence ("Fugaku"), or a short name in 「」. A query
// of one such word may find its topic through the body alone; a plain word ("channel") may not.
const LATIN_NAME = /(?<![\p{L}\d])\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*/gu;
const SENTENCE_START = /(?:^|[.!?:。]\s*|\n\s*)$/u;
const BRACKETED_NAME = /「([^」]{1,12})」/gu;

function entityNames(text: string): string[] {
  const latin = [...text.matchAll(LATIN_NAME)]
    .filter(([name], i, all) => {
      const distinctive = /\p{Lu}.*\p{Lu}|[\d-]/u.test(name);
      return distinctive || !SENTENCE_START.test(text.slice(0, all[i]!.index));
    })
    .map(([name]) => name);
  return [...latin, ...[...text.matchAll(BRACKETED_NAME)].map((match) => match[1]!)];
}
