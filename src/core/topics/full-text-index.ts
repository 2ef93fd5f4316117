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

/**
 * BM25 search over titles, aliases, summaries and bodies in both languages (MiniSearch):
 * prefix matching for longer words and fuzzy matching for long ones catch "supercomput" and
 * "semiconducters" without letting short words drift.
 */
export function createFullTextIndex(briefings: Iterable<Briefing>): (query: string) => FullTextHit[] {
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
    }));
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
