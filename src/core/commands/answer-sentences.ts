import type { BriefingText } from '../briefings/briefing.ts';
import { tokenize } from '../topics/tokenize.ts';

const MAX_SENTENCES = 3;
// A sentence scoring less than this share of the best one answers a different question.
const MIN_SHARE_OF_BEST = 0.5;
const CITATION = /\[\d{1,3}\]/;
const SENTENCE_END = /(?<=[。！？])|(?<=[.!?])\s+/u;
const PREFIX_MATCH_LENGTH = 4;

/**
 * The one to three cited sentences of a briefing that best answer a question, in the order the
 * briefing tells them. A term counts more the fewer sentences hold it (so "6g" outweighs
 * "research"); only sentences that cite a source qualify, since they lead the reply.
 */
export function answerSentences(text: BriefingText, terms: readonly string[]): string[] {
  const wanted = [...new Set(terms)];
  if (wanted.length === 0) return [];
  const sentences = text.sections
    .flatMap((section) => [...section.paragraphs, ...section.bullets])
    .flatMap((paragraph) => paragraph.split(SENTENCE_END))
    .map((sentence) => sentence.trim())
    .filter((sentence) => CITATION.test(sentence));
  const termSets = sentences.map((sentence) => tokenize(sentence));
  const holds = (sentenceTerms: readonly string[], term: string) =>
    sentenceTerms.some(
      (candidate) => candidate === term || (term.length >= PREFIX_MATCH_LENGTH && candidate.startsWith(term)),
    );
  const weights = wanted.map((term) => {
    const count = termSets.filter((sentenceTerms) => holds(sentenceTerms, term)).length;
    return count === 0 ? 0 : Math.log(1 + sentences.length / count);
  });
  const scored = termSets.map((sentenceTerms, position) => ({
    position,
    score: wanted.reduce((sum, term, i) => sum + (holds(sentenceTerms, term) ? weights[i]! : 0), 0),
  }));
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  if (best === 0) return [];
  return scored
    .filter((entry) => entry.score >= best * MIN_SHARE_OF_BEST)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => a.position - b.position)
    .map((entry) => sentences[entry.position]!);
}
