import { describe, expect, it } from 'vitest';
import { createTopicIndex } from '../../../src/core/topics/topic-index.ts';
import { briefing, library } from './question-library.ts';

// No aliases: the names are only in the bodies, as after a rewrite that drops them from the
// front matter.
const index = createTopicIndex(
  library(
    briefing('hpc', 'High-performance computing', 'Supercomputers for researchers.', [
      'Researchers gain access to each other’s machines, including Japan’s Fugaku [1].',
      'HANAMI is the project that links them [2]. Please post updates in the channel [2].',
    ]),
    briefing('quantum', 'Quantum technology', 'A letter of intent on quantum science.', [
      'The Q-NEKO project gathers 16 partners [1]. Funding is coordinated with SIP [2].',
    ]),
    briefing('data-flows', 'Data flows', 'Data free flow with trust.', [
      'The sides link data spaces such as 「ウラノス」 and DATA-EX [1].',
    ]),
  ),
);

describe('names a briefing body mentions', () => {
  it.each([
    ['Fugaku', 'hpc'],
    ['what is HANAMI?', 'hpc'],
    ['tell me about Q-NEKO', 'quantum'],
    ['SIP', 'quantum'],
    ['ウラノスとは', 'data-flows'],
    ['DATA-EX', 'data-flows'],
  ])('find their topic through the body alone: %s → %s', (query, topic) => {
    expect(index.resolve(query)).toMatchObject({ kind: 'topic', topic });
  });

  it('a plain word somewhere in one body is still too weak', () => {
    expect(index.resolve('channel').kind).toBe('not_found');
    expect(index.resolve('partners').kind).toBe('not_found');
  });
});
