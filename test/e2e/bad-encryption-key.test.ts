import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BLANK_BOT_ENV } from '../support/blank-bot-env.ts';
import { PROJECT_ROOT } from '../support/run-command.ts';

describe('the real bot with a malformed EUJP_ENCRYPTION_KEYS', () => {
  it('stops at start-up with a message naming the variable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...BLANK_BOT_ENV,
        EUJP_ENCRYPTION_KEYS: 'k1:not-a-key',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('EUJP_ENCRYPTION_KEYS: entry 1 ("k1") must be 32 bytes');
  });
});
