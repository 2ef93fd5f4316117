import type { Briefing, BriefingLibrary } from '../src/core/briefings/briefing.ts';
import type { TopicId } from '../src/core/topics/topic-ids.ts';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'to',
  'vax',
  'qui',
  'dor',
  'sel',
  'nu',
  'pra',
  'zet',
  'hol',
  'bri',
  'fen',
];

// Deterministic pseudo-random words so every run measures the same library.
function word(seed: number): string {
  let text = '';
  let value = seed * 2654435761;
  for (let i = 0; i < 3; i++) {
    text += SYLLABLES[Math.abs(value) % SYLLABLES.length];
    value = Math.floor(value / 7) + 17 * (i + 1);
  }
  return `${text}${seed % 97}`;
}

/**
 * The real library plus `total - 10` synthetic briefings made from real sentences with invented
 * titles and aliases: the shape of a larger content set, for index build and resolve timings.
 */
export function syntheticLibrary(real: BriefingLibrary, total: number): BriefingLibrary {
  const briefings = new Map<TopicId, Briefing>(real.briefings);
  const templates = [...real.briefings.values()];
  for (let i = 0; briefings.size < total; i++) {
    const template = templates[i % templates.length]!;
    const id = `synthetic-${i}` as TopicId;
    const title = `${word(i)} ${word(i + 100_003)}`;
    briefings.set(id, {
      ...template,
      id,
      aliases: [word(i + 200_003), `${word(i)} programme`],
      aliasesJa: [],
      related: [],
      text: { en: { ...template.text.en, title, summary: `${title}: ${template.text.en.summary}` } },
      file: `${id}.md`,
    });
  }
  return { briefings, developments: real.developments, register: real.register };
}

/** Queries a user might type for synthetic topic `i`: its title, an alias, a typo. */
export function syntheticQueries(count: number, total: number): string[] {
  return Array.from({ length: count }, (_, n) => {
    const i = (n * 7919) % Math.max(1, total - 10);
    const title = word(i);
    return n % 3 === 0 ? title : n % 3 === 1 ? word(i + 200_003) : `${title.slice(0, 2)}${title.slice(3)}`;
  });
}
