import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/run-command.ts';

describe('errors that escape every handler', () => {
  it('are logged as errors and never end the process', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/app/fixtures/escaping-errors.ts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('still running');
    const errors = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message?: string } });
    expect(errors.map((line) => [line.level, line.err?.message])).toEqual([
      [50, 'a rejection nobody handles'],
      [50, 'an exception thrown from a timer'],
    ]);
  });
});
