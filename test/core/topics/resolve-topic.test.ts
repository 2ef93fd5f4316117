import { beforeAll, describe, expect, it } from 'vitest';
import { createTopicIndex, type TopicIndex } from '../../../src/core/topics/topic-index.ts';
import {
  AMBIGUOUS_QUERIES,
  LATEST_QUERIES,
  NON_MATCHING_QUERIES,
  RESOLUTION_QUERIES,
} from '../../fixtures/resolution-queries.ts';
import { loadRealLibrary } from '../../support/test-core.ts';

let index: TopicIndex;
beforeAll(async () => {
  index = createTopicIndex(await loadRealLibrary());
});

const resolvesTo = (query: string) => {
  const resolution = index.resolve(query);
  return resolution.kind === 'topic' ? resolution.topic : 'not_found';
};

describe('resolving what people type to a topic', () => {
  const table = (kind: string) => RESOLUTION_QUERIES[kind]!.map(([query, topic]) => [query, topic] as const);

  it.each(table('ids'))('finds every topic by its id: %s', (query, topic) => {
    expect(resolvesTo(query)).toBe(topic);
  });

  it.each(table('abbreviationsAndPlainWords'))(
    'understands abbreviations and plain words: %s → %s',
    (query, topic) => {
      expect(resolvesTo(query)).toBe(topic);
    },
  );

  it.each(table('japanese'))('understands Japanese terms: %s → %s', (query, topic) => {
    expect(resolvesTo(query)).toBe(topic);
  });

  it.each(table('normalisation'))(
    'ignores case, full width, punctuation and plurals: %s → %s',
    (query, topic) => {
      expect(resolvesTo(query)).toBe(topic);
    },
  );

  it.each(table('typos'))('tolerates small typos: %s → %s', (query, topic) => {
    expect(resolvesTo(query)).toBe(topic);
  });

  it.each(table('phrases'))('falls back to full-text search for phrases: %s → %s', (query, topic) => {
    expect(resolvesTo(query)).toBe(topic);
  });

  it.each(table('questionsEnglish'))(
    'reads the topic words of an English question: %s → %s',
    (query, topic) => {
      expect(resolvesTo(query)).toBe(topic);
    },
  );

  it.each(table('questionsJapanese'))(
    'reads the topic words of a Japanese question: %s → %s',
    (query, topic) => {
      expect(resolvesTo(query)).toBe(topic);
    },
  );

  it.each(NON_MATCHING_QUERIES)('answers not_found rather than guessing for %j', (query) => {
    expect(resolvesTo(query)).toBe('not_found');
  });

  it.each(LATEST_QUERIES)('takes %j as a request for the latest developments (%s)', (query, topic) => {
    expect(index.resolve(query)).toEqual({ kind: 'latest', topic });
  });

  it.each(AMBIGUOUS_QUERIES)('asks which topic is meant when %j names several', (query, topics) => {
    const resolution = index.resolve(query);
    expect(resolution.kind).toBe('ambiguous');
    if (resolution.kind === 'ambiguous') expect([...resolution.topics].sort()).toEqual([...topics].sort());
  });

  it('never answers "最新情報" (latest news) with one topic\'s briefing', () => {
    expect(index.resolve('最新情報').kind).not.toBe('topic');
  });

  it.each(['how do I bake bread', '天気予報', 'pizza recipe', "what's the weather"])(
    'suggests no topic when none is close to %j',
    (query) => {
      const resolution = index.resolve(query);
      expect(resolution).toEqual({ kind: 'not_found', suggestions: [] });
    },
  );

  it("keeps the question's topic words for finding the sentences that answer it", () => {
    const resolution = index.resolve('what is the eu doing on 6g');
    expect(resolution).toMatchObject({ kind: 'topic', topic: '5g-6g', answerTerms: ['6g'] });
    expect(index.resolve('6g')).not.toHaveProperty('answerTerms');
  });

  it('suggests topics when a phrase touches several', () => {
    const resolution = index.resolve('cooperation research');
    expect(resolution.kind).toBe('not_found');
    if (resolution.kind === 'not_found') expect(resolution.suggestions.length).toBeGreaterThan(0);
  });
});

describe('suggesting topics while typing', () => {
  it.each([
    ['semi', 'semiconductors'],
    ['半導', 'semiconductors'],
    ['quantun', 'quantum'],
    ['super', 'hpc'],
    ['dig', 'digital-identity'],
    ['what is the eu doing on 6', '5g-6g'],
    ['tell me about quant', 'quantum'],
    ['量子技術について', 'quantum'],
  ])('puts the intended topic first for %j', (partial, topic) => {
    expect(index.suggest(partial, 25)[0]).toBe(topic);
  });

  it('offers every topic for an empty box', () => {
    expect(index.suggest('', 25)).toHaveLength(10);
  });
});
