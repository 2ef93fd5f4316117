import type { Briefing, BriefingLibrary } from '../../../src/core/briefings/briefing.ts';
import type { TopicId } from '../../../src/core/topics/topic-ids.ts';

/** A briefing made in the test, so what it asserts holds whatever the real content says. */
export function briefing(
  id: TopicId,
  title: string,
  summary: string,
  body: string[],
  aliases: string[] = [],
): Briefing {
  return {
    id,
    aliases,
    aliasesJa: [],
    related: [],
    asOf: '2025-05-12',
    checked: '2025-05-12',
    sourceIds: [],
    text: { en: { title, summary, sections: [{ paragraphs: body, bullets: [] }], sources: [] } },
    file: `${id}.md`,
  };
}

export function library(...briefings: Briefing[]): BriefingLibrary {
  return {
    briefings: new Map(briefings.map((entry) => [entry.id, entry])),
    developments: [],
    register: new Map(),
  };
}
