import { describe, expect, it } from 'vitest';
import { createRecentKeys } from '../../../src/adapters/slack/recent-keys.ts';
import type { OnceKeys } from '../../../src/core/once-keys.ts';
import { silentLogger } from '../../support/test-core.ts';

const frozenStore: OnceKeys = {
  claimOnce: () => new Promise<boolean>(() => {}),
};

describe('recent keys (replayed signatures, retried events)', () => {
  it('refuses a key seen before, without asking the store', async () => {
    let asked = 0;
    const keys = createRecentKeys({
      shared: {
        claimOnce: async () => {
          asked += 1;
          return true;
        },
      },
      logger: silentLogger,
    });
    expect(await keys.claim('sig-1', 60_000)).toBe(true);
    expect(await keys.claim('sig-1', 60_000)).toBe(false);
    expect(asked).toBe(1);
  });

  it('lets the store refuse a key another replica claimed', async () => {
    const keys = createRecentKeys({ shared: { claimOnce: async () => false }, logger: silentLogger });
    expect(await keys.claim('sig-2', 60_000)).toBe(false);
  });

  it('decides alone when the store does not answer within its budget, so a frozen store costs no answer', async () => {
    const keys = createRecentKeys({ shared: frozenStore, storeBudgetMs: 20, logger: silentLogger });
    expect(await keys.claim('sig-3', 60_000)).toBe(true);
    expect(await keys.claim('sig-3', 60_000)).toBe(false);
  });
});
