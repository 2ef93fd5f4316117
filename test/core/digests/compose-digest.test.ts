import { describe, expect, it } from 'vitest';
import { composeDigest, type DigestInput } from '../../../src/core/digests/compose-digest.ts';
import type { DigestCursor } from '../../../src/core/digests/store-port.ts';
import { createLibrary, development } from './digest-fixtures.ts';

const now = new Date('2025-05-20T00:00:00Z');

function compose(overrides: Partial<DigestInput> = {}) {
  return composeDigest({
    library: createLibrary(),
    topics: [],
    cursor: undefined,
    now,
    lang: 'en',
    visibility: 'public',
    ...overrides,
  });
}

/** The cursor a channel has after `composed` was sent. */
function cursorAfter(composed: ReturnType<typeof compose>, previous?: DigestCursor): DigestCursor {
  return {
    sentDevelopmentIds: [...(previous?.sentDevelopmentIds ?? []), ...composed.advance.developmentIds],
    briefingAsOf: { ...previous?.briefingAsOf, ...composed.advance.briefingAsOf },
    digestCount: (previous?.digestCount ?? 0) + 1,
    lastSentAt: now,
  };
}

describe('composing a digest', () => {
  it('lists the developments of the last 30 days in a first digest, newest first, with date, line and link', () => {
    const { reply } = compose({ topics: ['semiconductors', 'quantum'] });
    expect(reply.type).toBe('digest');
    const [news] = reply.sections;
    expect(news?.heading).toBe('New in the last 30 days');
    expect(news?.items).toEqual([
      {
        date: '2025-05-13',
        text: 'quantum-loi happened',
        url: 'https://example.jp/quantum-loi',
        topic: 'quantum',
        label: 'Quantum technology',
      },
      expect.objectContaining({ date: '2025-05-12', text: 'council-3 happened', topic: 'semiconductors' }),
      expect.objectContaining({ date: '2025-04-20', text: 'chips-workshop happened' }),
    ]);
  });

  it('ends with a short state of play: each topic’s one-line summary and as-of date', () => {
    const { reply } = compose({ topics: ['semiconductors', 'quantum'] });
    const state = reply.sections.at(-1);
    expect(state?.heading).toBe('State of play');
    expect(state?.items.map((item) => [item.label, item.text, item.date])).toEqual([
      ['Semiconductors', 'Semiconductors summary', '2025-05-12'],
      ['Quantum technology', 'Quantum technology summary', '2025-05-13'],
    ]);
  });

  it('only includes developments of the subscribed topics', () => {
    const { reply } = compose({ topics: ['quantum'] });
    expect(reply.sections[0]?.items.map((item) => item.text)).toEqual(['quantum-loi happened']);
    expect(reply.topic).toBe('quantum');
  });

  it('tells a channel only what is new since its last digest, including an entry an editor added later', () => {
    const first = compose({ topics: ['semiconductors'] });
    const cursor = cursorAfter(first);
    const library = createLibrary({
      extra: [development('backfilled-mou', '2025-03-01', ['semiconductors'])],
    });
    const { reply } = compose({ topics: ['semiconductors'], cursor, library });
    expect(reply.sections[0]?.heading).toBe('New since the last digest');
    expect(reply.sections[0]?.items.map((item) => item.text)).toEqual(['backfilled-mou happened']);
  });

  it('counts a briefing whose as_of moved forward as updated, saying in one line what changed', () => {
    const cursor = cursorAfter(compose({ topics: ['quantum', 'ai', 'semiconductors'] }));
    const library = createLibrary({ asOf: { ai: '2025-05-19', semiconductors: '2025-05-19' } });
    const ai = library.briefings.get('ai')!;
    ai.text.en.changes = 'Adds the AI Promotion Act.';
    const { reply, summary } = compose({ topics: ['quantum', 'ai', 'semiconductors'], cursor, library });
    const updates = reply.sections.find((section) => section.heading === 'Updated briefings');
    expect(updates?.items.map((item) => item.text)).toEqual([
      'updated: Artificial intelligence — Adds the AI Promotion Act.',
      // Without a `changes` line the summary stands in for it.
      'updated: Semiconductors — Semiconductors summary',
    ]);
    expect(summary).toBe('2 updated briefings');
  });

  it('says what changed in the channel’s language', () => {
    const cursor = cursorAfter(compose({ topics: ['quantum'] }));
    const library = createLibrary({ asOf: { quantum: '2025-05-19' } });
    library.briefings.get('quantum')!.text.ja!.changes = 'Q-NEKOの記述を修正。';
    const { reply } = compose({ topics: ['quantum'], cursor, library, lang: 'ja' });
    const updates = reply.sections.find((section) => section.heading === '更新されたブリーフィング');
    expect(updates?.items.map((item) => item.text)).toEqual(['更新：量子技術 — Q-NEKOの記述を修正。']);
  });

  it('says so when nothing happened, names the latest development on record, and rotates one spotlight', () => {
    let cursor = cursorAfter(compose({ topics: ['semiconductors', 'quantum'] }));
    const quiet = [];
    for (let i = 0; i < 3; i++) {
      const composed = compose({ topics: ['semiconductors', 'quantum'], cursor });
      quiet.push(composed.reply);
      cursor = cursorAfter(composed, cursor);
    }
    for (const reply of quiet) {
      expect(reply.sections[0]?.paragraphs).toEqual([
        'Nothing new since the last digest (20 May 2025).',
        'Latest development on record (13 May 2025): quantum-loi happened',
      ]);
      expect(reply.sections).toHaveLength(2);
    }
    const spotlights = quiet.map((reply) => reply.sections[1]?.heading);
    expect(spotlights).toEqual([
      'Spotlight: Quantum technology',
      'Spotlight: Semiconductors',
      'Spotlight: Quantum technology',
    ]);
    // Same topic again two digests later, but another part of its briefing.
    expect(quiet[2]?.sections[1]?.paragraphs).not.toEqual(quiet[0]?.sections[1]?.paragraphs);
    // The spotlight quotes the briefing, so its [n] markers have their sources.
    expect(quiet[0]?.sources.map((source) => source.n)).toEqual([1]);
  });

  it('is written in Japanese with the Japanese text of developments and titles when there is one', () => {
    const { reply } = compose({ topics: ['quantum', 'ai'], lang: 'ja' });
    expect(reply.title).toBe('日EUデジタル ダイジェスト');
    expect(reply.lang).toBe('ja');
    const [news] = reply.sections;
    expect(news?.items[0]).toMatchObject({ text: '量子の協力趣意書', label: '量子技術' });
    // No Japanese text for this one: the English line rather than nothing.
    expect(news?.items[1]).toMatchObject({ text: 'council-3 happened', label: 'Artificial intelligence' });
  });

  it('points past the item cap to the timeline instead of overflowing the message', () => {
    const extra = Array.from({ length: 20 }, (_, i) =>
      development(`event-${i}`, `2025-05-0${(i % 9) + 1}`, ['hpc' as never, 'ai']),
    );
    const { reply } = compose({ topics: ['ai'], library: createLibrary({ extra }) });
    expect(reply.sections[0]?.items).toHaveLength(12);
    expect(reply.sections[0]?.paragraphs[0]).toMatch(/and 9 earlier developments/);
  });

  it('marks a preview as a preview and keeps it private', () => {
    const { reply } = compose({ preview: true, visibility: 'private' });
    expect(reply.title).toBe('Digest preview');
    expect(reply.visibility).toBe('private');
  });
});
