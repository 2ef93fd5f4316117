import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { BriefingValidationError } from '../core/briefings/briefing-problems.ts';
import { loadBriefingLibrary } from '../core/briefings/load-briefing-library.ts';

// `npm run briefings:check`: validates the content alone, for editors; exit 1 lists every problem.
loadDotenv({ quiet: true });
const dir = path.resolve(process.argv[2] ?? process.env.EUJP_BRIEFINGS_DIR ?? 'briefings');
try {
  const library = await loadBriefingLibrary(dir);
  const translated = [...library.briefings.values()].filter((briefing) => briefing.text.ja).length;
  console.log(
    `briefings OK: ${library.briefings.size} topics (${translated} with Japanese), ${library.developments.length} developments in ${dir}`,
  );
} catch (error) {
  if (!(error instanceof BriefingValidationError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
