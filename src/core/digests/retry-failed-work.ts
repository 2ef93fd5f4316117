import type { Logger } from '../ports.ts';

/**
 * Digest work that failed because the store refused a write (a full disk, a lost connection):
 * a slot's offer, a start-up catch-up, a delivery that crashed. Each is kept under a key and run
 * again on every `retry` until it succeeds, so the bot resumes on its own once writes succeed
 * again instead of waiting for a restart. Every piece is idempotent (offers and claims are
 * guarded by the ledger), so running one twice sends nothing twice.
 */
export interface FailedWorkRetries {
  /** Runs `work`; if it throws, keeps it for `retry` and rethrows. */
  attempt<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Keeps `work` for the next `retry` without running it now. */
  remember(key: string, work: () => Promise<unknown>): void;
  /** Runs everything kept, dropping what succeeds; one log line for what still fails. */
  retry(): Promise<void>;
  /** How many pieces of work are waiting. */
  size(): number;
}

export function createFailedWorkRetries(logger: Logger): FailedWorkRetries {
  const pending = new Map<string, () => Promise<unknown>>();
  return {
    async attempt(key, work) {
      try {
        const result = await work();
        pending.delete(key);
        return result;
      } catch (error) {
        pending.set(key, work);
        throw error;
      }
    },
    remember(key, work) {
      pending.set(key, work);
    },
    async retry() {
      let failing = 0;
      let firstError: unknown;
      for (const [key, work] of [...pending]) {
        try {
          await work();
          if (pending.get(key) === work) pending.delete(key);
        } catch (error) {
          failing++;
          firstError ??= error;
        }
      }
      if (failing > 0) {
        logger.warn(
          { err: firstError, failing },
          'digest work stopped by a store failure is still failing; retrying',
        );
      }
    },
    size: () => pending.size,
  };
}
