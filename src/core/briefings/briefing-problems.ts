/** One thing wrong with the content, named by file and field so an editor can fix it. */
export interface BriefingProblem {
  file: string;
  field: string;
  message: string;
}

/** Thrown when the briefings directory does not validate; lists every problem at once. */
export class BriefingValidationError extends Error {
  constructor(readonly problems: readonly BriefingProblem[]) {
    super(
      `${problems.length} problem(s) in the briefings:\n${problems.map(formatBriefingProblem).join('\n')}`,
    );
    this.name = 'BriefingValidationError';
  }
}

export function formatBriefingProblem(problem: BriefingProblem): string {
  return `  ${problem.file}: ${problem.field}: ${problem.message}`;
}
