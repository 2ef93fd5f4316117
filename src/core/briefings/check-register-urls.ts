import type { BriefingProblem } from './briefing-problems.ts';
import type { RegisterEntry } from './briefing-schema.ts';
import { REGISTER_FILE } from './load-briefing-library.ts';

// Every place a URL starts, so a canonical address embedded in a mirror's URL counts as listed.
const URL_STARTS = /(?=(https?:\/\/[^\s<>]+))/g;

/**
 * The researchers' fact sheets record every URL someone actually saw. A register URL that no
 * sheet lists was typed or guessed, so it is refused. `sheets` are the sheets' full texts.
 */
export function checkRegisterUrls(
  register: ReadonlyMap<string, RegisterEntry>,
  sheets: readonly string[],
): BriefingProblem[] {
  const seen = new Set(
    sheets.flatMap((sheet) => [...sheet.matchAll(URL_STARTS)].map((match) => trimUrl(match[1] ?? ''))),
  );
  const problems: BriefingProblem[] = [];
  for (const entry of register.values()) {
    if (entry.url !== undefined && !seen.has(entry.url))
      problems.push({
        file: REGISTER_FILE,
        field: `${entry.id}.url`,
        message: 'is not listed in the fact sheets; copy URLs exactly as the researchers recorded them',
      });
  }
  return problems;
}

// Sheets write URLs in prose, so a sentence's full stop or a closing bracket may follow one;
// a bracket the URL itself opened (".../0450(NLE)") is kept.
function trimUrl(url: string): string {
  let trimmed = url;
  for (;;) {
    const next = trimmed.replace(/[.,;:]+$/, '');
    const unbalanced = next.endsWith(')') && count(next, '(') < count(next, ')');
    trimmed = unbalanced ? next.slice(0, -1) : next;
    if (trimmed === next) return trimmed;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
