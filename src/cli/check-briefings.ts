import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { BriefingValidationError, formatBriefingProblem } from '../core/briefings/briefing-problems.ts';
import { checkRegisterUrls } from '../core/briefings/check-register-urls.ts';
import { loadBriefingLibrary } from '../core/briefings/load-briefing-library.ts';
import { DEFAULT_MAX_AGE_DAYS, reviewBriefings } from '../core/briefings/review-briefings.ts';

// `npm run briefings:check [-- DIR] [--facts SHEETS_DIR] [--max-age-days N]`: validates the
// content alone, for editors. Exit 1 lists every problem; warnings are printed but pass.
loadDotenv({ quiet: true });
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { facts: { type: 'string' }, 'max-age-days': { type: 'string' } },
});
const dir = path.resolve(positionals[0] ?? process.env.EUJP_BRIEFINGS_DIR ?? 'briefings');
const factsDir = values.facts ?? process.env.EUJP_FACTS_DIR;
const maxAgeText = values['max-age-days'] ?? process.env.EUJP_BRIEFINGS_MAX_AGE_DAYS;
const maxAgeDays = maxAgeText === undefined ? DEFAULT_MAX_AGE_DAYS : Number(maxAgeText);
if (!Number.isInteger(maxAgeDays) || maxAgeDays < 1) {
  console.error(`--max-age-days must be a whole number of days, not "${maxAgeText}"`);
  process.exit(2);
}

try {
  const library = await loadBriefingLibrary(dir);
  if (factsDir !== undefined) {
    const sheets = await readSheets(path.resolve(factsDir)).catch((error: Error) => {
      console.error(`cannot read the fact sheets in ${factsDir}: ${error.message}`);
      process.exit(2);
    });
    const problems = checkRegisterUrls(library.register, sheets);
    if (problems.length > 0) throw new BriefingValidationError(problems);
  }
  const warnings = reviewBriefings(library, { today: new Date().toISOString().slice(0, 10), maxAgeDays });
  if (warnings.length > 0)
    console.warn(`${warnings.length} warning(s):\n${warnings.map(formatBriefingProblem).join('\n')}`);
  const translated = [...library.briefings.values()].filter((briefing) => briefing.text.ja).length;
  console.log(
    `briefings OK: ${library.briefings.size} topics (${translated} with Japanese), ${library.developments.length} developments, ${library.register.size} sources in ${dir}${factsDir === undefined ? '' : '; every URL is in the fact sheets'}`,
  );
} catch (error) {
  if (!(error instanceof BriefingValidationError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

async function readSheets(sheetsDir: string): Promise<string[]> {
  const names = (await readdir(sheetsDir)).filter((name) => name.endsWith('.md')).sort();
  if (names.length === 0) throw new Error(`no fact sheets (*.md) in ${sheetsDir}`);
  return Promise.all(names.map((name) => readFile(path.join(sheetsDir, name), 'utf8')));
}
