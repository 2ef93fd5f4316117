import { beforeAll, describe, expect, it } from 'vitest';
import { createTopicIndex, type TopicIndex } from '../../../src/core/topics/topic-index.ts';
import { NON_MATCHING_QUERIES, RESOLUTION_QUERIES } from '../../fixtures/resolution-queries.ts';
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

  it.each(NON_MATCHING_QUERIES)('answers not_found rather than guessing for %j', (query) => {
    expect(resolvesTo(query)).toBe('not_found');
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
  ])('puts the intended topic first for %j', (partial, topic) => {
    expect(index.suggest(partial, 25)[0]).toBe(topic);
  });

  it('offers every topic for an empty box', () => {
    expect(index.suggest('', 25)).toHaveLength(10);
  });
});
