import type { Logger } from '../ports.ts';
import type { Sleep } from './sleep.ts';

/**
 * Runs `work` every `intervalMs` (after a first wait) until `signal` aborts, on the injected Sleep
 * so tests and the benchmark drive it on virtual time. A failed round is logged, never fatal: the
 * next round is the retry.
 */
export async function runPeriodically(
  what: string,
  intervalMs: number,
  work: () => Promise<unknown>,
  deps: { sleep: Sleep; logger: Logger; signal: AbortSignal },
): Promise<void> {
  for (;;) {
    try {
      await deps.sleep(intervalMs, deps.signal);
    } catch {
      return;
    }
    try {
      await work();
    } catch (error) {
      deps.logger.error({ err: error }, `${what} failed`);
    }
  }
}
