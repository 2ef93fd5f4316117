import { beforeAll, describe, expect, it } from 'vitest';
import { createTopicIndex, type TopicIndex } from '../../../src/core/topics/topic-index.ts';
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
  it.each([
    ['semiconductors', 'semiconductors'],
    ['5g-6g', '5g-6g'],
    ['digital-identity', 'digital-identity'],
    ['data-flows', 'data-flows'],
    ['partnership', 'partnership'],
  ])('finds every topic by its id: %s', (query, topic) => {
    expect(resolvesTo(query)).toBe(topic);
  });

  it.each([
    ['chips', 'semiconductors'],
    ['HPC', 'hpc'],
    ['supercomputers', 'hpc'],
    ['B5G', '5g-6g'],
    ['6G', '5g-6g'],
    ['wireless', '5g-6g'],
    ['eID', 'digital-identity'],
    ['DFFT', 'data-flows'],
    ['ai', 'ai'],
    ['Artificial Intelligence', 'ai'],
    ['cyber', 'cybersecurity'],
  ])('understands abbreviations and plain words: %s → %s', (query, topic) => {
    expect(resolvesTo(query)).toBe(topic);
  });

  it.each([
    ['半導体', 'semiconductors'],
    ['量子', 'quantum'],
    ['人工知能', 'ai'],
  ])('understands Japanese terms: %s → %s', (query, topic) => {
    expect(resolvesTo(query)).toBe(topic);
  });

  it.each([
    ['ＣＨＩＰＳ', 'semiconductors'],
    ['ＨＰＣ', 'hpc'],
    ['Semiconductors!', 'semiconductors'],
    ['  quantum  ', 'quantum'],
    ['chip', 'semiconductors'],
    ['SUPERCOMPUTER', 'hpc'],
  ])('ignores case, full width, punctuation and plurals: %s → %s', (query, topic) => {
    expect(resolvesTo(query)).toBe(topic);
  });

  it.each([
    ['semiconducters', 'semiconductors'],
    ['semicondutors', 'semiconductors'],
    ['quantun', 'quantum'],
    ['qunatum', 'quantum'],
    ['cybersecurty', 'cybersecurity'],
    ['supercomputrs', 'hpc'],
  ])('tolerates small typos: %s → %s', (query, topic) => {
    expect(resolvesTo(query)).toBe(topic);
  });

  it.each([
    ['semiconductor research programme', 'semiconductors'],
    ['submarine cables', '5g-6g'],
    ['data adequacy', 'data-flows'],
    ['trust services wallet', 'digital-identity'],
  ])('falls back to full-text search for phrases: %s → %s', (query, topic) => {
    expect(resolvesTo(query)).toBe(topic);
  });

  it.each([
    'pizza recipe',
    'football scores',
    'weather tomorrow',
    'japan',
    'the',
    '!!!',
    'xyz',
    'hp',
    'a',
    'ai chips quantum cyber',
    '<!channel>',
    '@everyone',
  ])('answers not_found rather than guessing for %j', (query) => {
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
    expect(index.suggest('', 25)).toHaveLength(9);
  });
});
