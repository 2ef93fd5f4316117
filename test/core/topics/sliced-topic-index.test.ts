import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing, BriefingLibrary } from '../../../src/core/briefings/briefing.ts';
import { BRIEFINGS_PER_SLICE } from '../../../src/core/topics/full-text-index.ts';
import type { TopicId } from '../../../src/core/topics/topic-ids.ts';
import { createTopicIndex } from '../../../src/core/topics/topic-index.ts';
import { loadRealLibrary } from '../../support/test-core.ts';

let real: BriefingLibrary;
beforeAll(async () => {
  real = await loadRealLibrary();
});

/** The real briefings, minus `without`, plus enough renamed copies to need several slices. */
function largerLibrary(without?: TopicId): BriefingLibrary {
  const briefings = new Map<TopicId, Briefing>([...real.briefings].filter(([id]) => id !== without));
  const templates = [...briefings.values()];
  for (let i = 0; briefings.size < BRIEFINGS_PER_SLICE * 3; i += 1) {
    const template = templates[i % templates.length]!;
    const id = `copy-${i}` as TopicId;
    briefings.set(id, { ...template, id, aliases: [`zorblat${i}`], aliasesJa: [] });
  }
  return { ...real, briefings };
}

/** A scheduler the test runs by hand: what it holds is the build still to do. */
function manualScheduler() {
  const queue: Array<() => void> = [];
  return {
    schedule: (work: () => void) => queue.push(work),
    pending: () => queue.length,
    runAll: () => {
      while (queue.length > 0) queue.shift()!();
    },
  };
}

const topicsFound = (hits: ReadonlyArray<{ topic: TopicId }>) => hits.map((hit) => hit.topic);

describe('a topic index built in slices', () => {
  it('yields between slices, and a search before the end still sees every briefing', () => {
    const scheduler = manualScheduler();
    const library = largerLibrary();
    const index = createTopicIndex(library, { scheduleSlice: scheduler.schedule });
    expect(scheduler.pending()).toBe(1);
    const lastId = [...library.briefings.keys()].at(-1)!;
    expect(topicsFound(index.search(`zorblat${lastId.slice('copy-'.length)}`))).toEqual([lastId]);
  });

  it('answers searches from the content it replaces during a reload, without topics that went', () => {
    const before = createTopicIndex(largerLibrary());
    expect(topicsFound(before.search('quantum computing'))).toContain('quantum');

    const scheduler = manualScheduler();
    const after = createTopicIndex(largerLibrary('quantum' as TopicId), {
      scheduleSlice: scheduler.schedule,
      previous: before,
    });
    expect(scheduler.pending()).toBe(1);
    const during = topicsFound(after.search('quantum computing'));
    expect(during).not.toContain('quantum');
    expect(scheduler.pending()).toBe(1);

    scheduler.runAll();
    expect(topicsFound(after.search('quantum computing'))).toEqual(
      topicsFound(createTopicIndex(largerLibrary('quantum' as TopicId)).search('quantum computing')),
    );
  });

  it('resolves names and aliases of the new content at once, before the full text is built', () => {
    const scheduler = manualScheduler();
    const before = createTopicIndex(real);
    const after = createTopicIndex(largerLibrary(), { scheduleSlice: scheduler.schedule, previous: before });
    expect(after.resolve('zorblat3')).toEqual({ kind: 'topic', topic: 'copy-3', via: 'exact' });
    expect(scheduler.pending()).toBe(1);
  });
});
