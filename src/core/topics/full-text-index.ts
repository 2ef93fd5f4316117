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

/**
 * BM25 search over titles, aliases, summaries and bodies in both languages (MiniSearch):
 * prefix matching for longer words and fuzzy matching for long ones catch "supercomput" and
 * "semiconducters" without letting short words drift.
 */
export function createFullTextIndex(briefings: Iterable<Briefing>): (query: string) => FullTextHit[] {
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
  index.addAll([...briefings].map(toDocument));

  return (query) =>
    index.search(query).map((result) => ({
      topic: result.id as TopicId,
      score: result.score,
      matchedQueryTerms: result.queryTerms,
      matchedTerms: result.terms,
      matchedName: Object.values(result.match).some(
        (fields) => fields.includes('names') || fields.includes('summary'),
      ),
      matchedEntity: Object.values(result.match).some((fields) => fields.includes('entities')),
    }));
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
