import type { Briefing, BriefingLibrary } from '../briefings/briefing.ts';
import type { Language } from '../reply.ts';
import { editDistance, typoAllowance } from './edit-distance.ts';
import { createFullTextIndex, type FullTextHit, type ScheduleSlice } from './full-text-index.ts';
import { aliasKey } from './normalize-query.ts';
import { tokenize } from './tokenize.ts';
import type { TopicId } from './topic-ids.ts';

/** How a query was matched, weakest last; `not_found` carries topics worth suggesting. */
export type Resolution =
  | { kind: 'topic'; topic: TopicId; via: 'exact' | 'normalized' | 'typo' | 'search' }
  | { kind: 'not_found'; suggestions: TopicId[] };

/** A topic name as people type it, with the topic it leads to. */
interface NamedTopic {
  topic: TopicId;
  raw: string;
  key: string;
}

export interface TopicIndex {
  resolve(query: string): Resolution;
  search(query: string): FullTextHit[];
  /** Topics for a partial query, best first (autocomplete). */
  suggest(partial: string, limit: number): TopicId[];
  displayTitle(topic: TopicId, lang: Language): string;
}

// A full-text winner must match more than half the query's words and clearly beat the runner-up,
// and a one-word query must hit a title, alias or summary: one word somewhere in a body
// ("channel") is too weak. Anything weaker gets suggestions rather than a possibly wrong briefing.
const MIN_MATCHED_SHARE = 0.5;
const MIN_LEAD_OVER_RUNNER_UP = 1.5;

export interface TopicIndexOptions {
  /** Build the full-text part a slice at a time (see createFullTextIndex). */
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
  const names = briefings.flatMap(namesOf);
  const fullText = createFullTextIndex(briefings, options.scheduleSlice);
  let previous = options.previous;
  const searchFullText = (query: string): FullTextHit[] => {
    if (previous && !fullText.isComplete())
      return previous.search(query).filter((hit) => library.briefings.has(hit.topic));
    previous = undefined;
    return fullText.search(query);
  };

  const resolve = (query: string): Resolution => {
    const trimmed = query.trim().toLowerCase();
    const exact = names.find((name) => name.raw.toLowerCase() === trimmed);
    if (exact) return { kind: 'topic', topic: exact.topic, via: 'exact' };
    const key = aliasKey(query);
    if (key === '') return { kind: 'not_found', suggestions: [] };
    const normalized = names.find((name) => name.key === key);
    if (normalized) return { kind: 'topic', topic: normalized.topic, via: 'normalized' };
    const typo = closestByTypo(names, key);
    if (typo) return { kind: 'topic', topic: typo, via: 'typo' };
    return resolveByFullText(searchFullText(query), tokenize(query).length);
  };

  const suggest = (partial: string, limit: number): TopicId[] => {
    const key = aliasKey(partial);
    if (key === '') return briefings.map((briefing) => briefing.id).slice(0, limit);
    const ranked = new Map<TopicId, number>();
    for (const name of names) {
      const rank = name.key.startsWith(key) ? 0 : name.key.includes(key) ? 1 : prefixTypoRank(name.key, key);
      if (rank !== undefined) ranked.set(name.topic, Math.min(rank, ranked.get(name.topic) ?? rank));
    }
    const byName = [...ranked.entries()].sort((a, b) => a[1] - b[1]).map(([topic]) => topic);
    const byText = searchFullText(partial).map((hit) => hit.topic);
    return [...new Set([...byName, ...byText])].slice(0, limit);
  };

  return {
    resolve,
    search: searchFullText,
    suggest,
    displayTitle: (topic, lang) => {
      const briefing = library.briefings.get(topic);
      return briefing?.text[lang]?.title ?? briefing?.text.en.title ?? topic;
    },
  };
}

function namesOf(briefing: Briefing): NamedTopic[] {
  const raws = [
    briefing.id,
    ...Object.values(briefing.text).map((text) => text.title),
    ...briefing.aliases,
    ...briefing.aliasesJa,
  ];
  return raws.map((raw) => ({ topic: briefing.id, raw, key: aliasKey(raw) }));
}

// The single closest name within the typo allowance; a tie between two topics is no answer.
function closestByTypo(names: readonly NamedTopic[], key: string): TopicId | undefined {
  const allowance = typoAllowance([...key].length);
  if (allowance === 0) return undefined;
  let best: { distance: number; topics: Set<TopicId> } = { distance: allowance + 1, topics: new Set() };
  for (const name of names) {
    if (typoAllowance([...name.key].length) === 0) continue;
    const distance = editDistance(key, name.key, allowance);
    if (distance < best.distance) best = { distance, topics: new Set([name.topic]) };
    else if (distance === best.distance && distance <= allowance) best.topics.add(name.topic);
  }
  return best.distance <= allowance && best.topics.size === 1 ? [...best.topics][0] : undefined;
}

function resolveByFullText(hits: readonly FullTextHit[], queryTermCount: number): Resolution {
  const [top, runnerUp] = hits;
  const suggestions = hits.slice(0, 3).map((hit) => hit.topic);
  if (!top || queryTermCount === 0) return { kind: 'not_found', suggestions };
  const matchedShare = new Set(top.matchedQueryTerms).size / queryTermCount;
  const leads = !runnerUp || top.score >= runnerUp.score * MIN_LEAD_OVER_RUNNER_UP;
  const strongEnough = queryTermCount > 1 || top.matchedName;
  if (matchedShare > MIN_MATCHED_SHARE && leads && strongEnough)
    return { kind: 'topic', topic: top.topic, via: 'search' };
  return { kind: 'not_found', suggestions };
}

function prefixTypoRank(nameKey: string, partial: string): number | undefined {
  const allowance = typoAllowance([...partial].length);
  if (allowance === 0) return undefined;
  const prefix = [...nameKey].slice(0, [...partial].length).join('');
  return editDistance(prefix, partial, allowance) <= allowance ? 2 : undefined;
}
