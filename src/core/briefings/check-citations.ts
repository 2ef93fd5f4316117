import type { SourceRef } from '../reply.ts';
import type { BriefingProblem } from './briefing-problems.ts';

/** Citation rules: every `[n]` has a source, sources are numbered 1..N and each is cited. */
export function checkCitations(
  file: string,
  citations: ReadonlySet<number>,
  sources: readonly Pick<SourceRef, 'n'>[],
): BriefingProblem[] {
  const problems: BriefingProblem[] = [];
  const numbers = sources.map((source) => source.n);
  const known = new Set(numbers);
  for (const cited of [...citations].sort((a, b) => a - b)) {
    if (!known.has(cited))
      problems.push({ file, field: 'body', message: `cites [${cited}] but there is no source ${cited}` });
  }
  numbers.forEach((n, index) => {
    if (n !== index + 1) {
      problems.push({
        file,
        field: `sources[${index}].n`,
        message: `is ${n}; sources must be numbered 1, 2, 3… in order`,
      });
    } else if (!citations.has(n)) {
      problems.push({ file, field: `sources[${index}]`, message: `source ${n} is never cited in the body` });
    }
  });
  return problems;
}
