import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRegisterUrls } from '../../../src/core/briefings/check-register-urls.ts';
import { PROJECT_ROOT } from '../../support/run-command.ts';
import { loadRealLibrary } from '../../support/test-core.ts';

// The researchers' fact sheets are not part of the repository; CI keeps them beside the clone.
const SHEETS_DIR = process.env.EUJP_FACTS_DIR ?? path.join(PROJECT_ROOT, '..', 'shared', 'sources');
const present = existsSync(SHEETS_DIR);
const reason = present ? SHEETS_DIR : `SKIPPED: no fact sheets at ${SHEETS_DIR} (set EUJP_FACTS_DIR to run)`;
if (!present) console.warn(`register URLs against the fact sheets: ${reason}`);

describe.skipIf(!present)(`every register URL is one the fact sheets list (${reason})`, () => {
  it('finds each URL of briefings/sources.yaml in the sheets', async () => {
    const names = (await readdir(SHEETS_DIR)).filter((name) => name.endsWith('.md'));
    const sheets = await Promise.all(names.map((name) => readFile(path.join(SHEETS_DIR, name), 'utf8')));
    expect(checkRegisterUrls((await loadRealLibrary()).register, sheets)).toEqual([]);
  });
});
