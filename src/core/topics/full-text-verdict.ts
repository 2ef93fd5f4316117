import type { FullTextHit } from './full-text-index.ts';
import { tokenize } from './tokenize.ts';
import type { TopicId } from './topic-ids.ts';

// A full-text winner must match more than half the question's content words and clearly beat
// the runner-up, and a one-word query must hit a title, alias, summary or a name the body
// mentions ("HANAMI"): one plain word somewhere in a body ("channel") is too weak. A topic the
// question names is preferred without the lead, but it too must match more than half the words
// ("quantum bread" is not a quantum question).
const MIN_MATCHED_SHARE = 0.5;
const MIN_LEAD_OVER_RUNNER_UP = 1.5;
const MAX_SUGGESTIONS = 3;

export type FullTextVerdict =
  | { kind: 'topic'; topic: TopicId }
  | { kind: 'not_found'; suggestions: TopicId[] };

/**
 * Decides whether ranked hits for the content words are a confident answer. Only hits that
 * matched a name or summary are offered as suggestions: a word found in some body is not "close".
 */
export function judgeFullText(
  hits: readonly FullTextHit[],
  words: readonly string[],
  named: TopicId | undefined,
): FullTextVerdict {
  const wordTerms = words.map((word) => tokenize(word)).filter((terms) => terms.length > 0);
  const matchedShare = (hit: FullTextHit) => {
    const matched = new Set(hit.matchedQueryTerms);
    const covered = wordTerms.filter(
      (terms) => terms.filter((term) => matched.has(term)).length * 2 >= terms.length,
    );
    return covered.length / wordTerms.length;
  };
  // Close: a name or summary matched, and at least one whole word did ("マイナンバー" sharing
  // one character pair with "サイバー" is not close to cybersecurity).
  const suggestions = hits
    .filter((hit) => (hit.matchedName || hit.matchedEntity) && matchedShare(hit) > 0)
    .slice(0, MAX_SUGGESTIONS)
    .map((hit) => hit.topic);
  const [top, runnerUp] = hits;
  if (!top || wordTerms.length === 0) return { kind: 'not_found', suggestions };
  const namedHit = named === undefined ? undefined : hits.find((hit) => hit.topic === named);
  if (namedHit && matchedShare(namedHit) > MIN_MATCHED_SHARE) return { kind: 'topic', topic: namedHit.topic };
  const leads = !runnerUp || top.score >= runnerUp.score * MIN_LEAD_OVER_RUNNER_UP;
  const strongEnough = wordTerms.length > 1 || top.matchedName || top.matchedEntity;
  if (matchedShare(top) > MIN_MATCHED_SHARE && leads && strongEnough)
    return { kind: 'topic', topic: top.topic };
  return { kind: 'not_found', suggestions };
}
