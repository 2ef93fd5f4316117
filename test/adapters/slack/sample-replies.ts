import type { Reply } from '../../../src/core/reply.ts';

/** A briefing-shaped reply with citations, sources and the three kinds of button. */
export function sampleBriefing(overrides: Partial<Reply> = {}): Reply {
  return {
    type: 'briefing',
    topic: 'semiconductors',
    title: 'Semiconductors',
    summary: 'Chips, supply chains & the joint research programme.',
    asOf: '2025-05-20',
    sections: [
      {
        heading: 'State of play',
        paragraphs: [
          'The EU and Japan agreed to share early warnings on chip supply disruptions [1].',
          'A joint research programme on next-generation chips followed [2].',
        ],
        items: [],
      },
    ],
    sources: [
      {
        n: 1,
        title: 'Digital Partnership Council joint statement',
        publisher: 'European Commission',
        date: '2023-07-03',
        url: 'https://example.org/statement?a=1&b=2',
      },
      { n: 2, title: 'Research call', publisher: 'MIC', date: '2024-04-30', url: null },
    ],
    suggestions: ['quantum', 'hpc'],
    actions: [
      { kind: 'command', label: 'Sources', command: 'sources semiconductors' },
      { kind: 'share', label: 'Share in channel', command: 'semiconductors' },
      { kind: 'command', label: 'Quantum', command: 'quantum' },
    ],
    visibility: 'private',
    lang: 'en',
    ...overrides,
  };
}

/** What the core answers for text it cannot place: it echoes the user's words. */
export function sampleNotFound(query: string): Reply {
  return {
    type: 'not_found',
    topic: null,
    title: 'No matching topic',
    sections: [{ paragraphs: [`Nothing matches “${query}”. Try one of these topics.`], items: [] }],
    sources: [],
    suggestions: ['partnership'],
    actions: [{ kind: 'command', label: 'Partnership', command: 'partnership' }],
    visibility: 'private',
    lang: 'en',
  };
}
