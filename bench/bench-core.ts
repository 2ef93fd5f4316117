import path from 'node:path';
import { loadBriefingLibrary } from '../src/core/briefings/load-briefing-library.ts';
import type { Core } from '../src/core/core.ts';
import { createCore } from '../src/core/create-core.ts';
import { silentLogger } from '../test/support/test-core.ts';

/**
 * The real core over the real briefings, for latency benches. One user sends every command
 * there, so the per-user limiter, which would rightly refuse most of them, is off.
 */
export async function createBenchCore(): Promise<Core> {
  const library = await loadBriefingLibrary(path.resolve(import.meta.dirname, '../briefings'));
  return createCore({
    getLibrary: () => library,
    clock: { now: () => new Date() },
    logger: silentLogger,
    rateLimits: false,
  });
}
