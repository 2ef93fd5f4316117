import { aliasKey } from '../topics/normalize-query.ts';
import type { Briefing } from './briefing.ts';
import type { BriefingProblem } from './briefing-problems.ts';

/** An alias that leads to two topics would make resolution a coin toss: refuse it. */
export function checkAliasCollisions(briefings: readonly Briefing[]): BriefingProblem[] {
  const owner = new Map<string, string>();
  const problems: BriefingProblem[] = [];
  for (const briefing of briefings) {
    const names = [
      briefing.id,
      ...Object.values(briefing.text).map((text) => text.title),
      ...briefing.aliases,
      ...briefing.aliasesJa,
    ];
    for (const name of new Set(names.map(aliasKey))) {
      const other = owner.get(name);
      if (other !== undefined && other !== briefing.id) {
        problems.push({
          file: briefing.file,
          field: 'aliases',
          message: `"${name}" also names topic ${other}`,
        });
      }
      owner.set(name, briefing.id);
    }
  }
  return problems;
}
