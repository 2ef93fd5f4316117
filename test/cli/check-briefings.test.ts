import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runEntryPoint } from '../support/run-command.ts';
import { BRIEFINGS_DIR } from '../support/test-core.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eujp-check-'));
  await cp(BRIEFINGS_DIR, path.join(dir, 'briefings'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const check = (...args: string[]) =>
  runEntryPoint('src/cli/check-briefings.ts', [path.join(dir, 'briefings'), ...args]);

describe('npm run briefings:check', () => {
  it('passes the real content and fails on a register entry that nobody cites', async () => {
    expect((await check()).code).toBe(0);
    const register = path.join(dir, 'briefings', 'sources.yaml');
    await writeFile(
      register,
      `${await readFile(register, 'utf8')}\n- id: unused-entry\n  title: Unused\n  publisher: MIC\n  date: 2024-01-01\n  language: en\n  kind: primary\n`,
    );
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sources.yaml: unused-entry: is cited by no briefing and no development');
  });

  it('with fact sheets, fails on a register URL the sheets do not list', async () => {
    const sheets = path.join(dir, 'sheets');
    await mkdir(sheets);
    const register = await readFile(path.join(dir, 'briefings', 'sources.yaml'), 'utf8');
    const urls = [...register.matchAll(/^ {2}url: (\S+)$/gm)].map((match) => match[1]);
    await writeFile(
      path.join(sheets, 'facts.md'),
      urls
        .slice(1)
        .map((url) => `- ${url}.`)
        .join('\n'),
    );
    const result = await check('--facts', sheets);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sources\.yaml: [a-z0-9-]+\.url: is not listed in the fact sheets/);

    await writeFile(path.join(sheets, 'facts.md'), urls.map((url) => `- ${url}.`).join('\n'));
    const passing = await check('--facts', sheets);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain('every URL is in the fact sheets');
  });

  it('prints age warnings without failing, with a configurable age', async () => {
    const strict = await check('--max-age-days', '1');
    expect(strict.code).toBe(0);
    expect(strict.stderr).toMatch(/as_of: is \d{4}-\d{2}-\d{2}, \d+ days ago \(over 1\)/);
    const bad = await check('--max-age-days', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-age-days must be a whole number of days');
  });
});
