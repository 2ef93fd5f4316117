/** Waits for something a fake records (a call, a log line, a handshake) without polling. */
export interface ConditionWaiter {
  /** Re-checks every pending wait; call it after recording anything a wait may be for. */
  notify(): void;
  /**
   * Resolves with `find()`'s first defined value. Rejects with `describe()` after `timeoutMs`,
   * or at once with whatever `find` throws (e.g. "the process exited").
   */
  waitFor<T>(find: () => T | undefined, describe: () => string, timeoutMs: number): Promise<T>;
}

export function createConditionWaiter(): ConditionWaiter {
  const waiters = new Set<() => void>();
  return {
    notify: () => {
      for (const waiter of [...waiters]) waiter();
    },
    waitFor: <T>(find: () => T | undefined, describe: () => string, timeoutMs: number) =>
      new Promise<T>((resolve, reject) => {
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        const check = () => {
          let found: T | undefined;
          try {
            found = find();
          } catch (error) {
            finish(() => reject(error));
            return;
          }
          if (found !== undefined) finish(() => resolve(found));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(describe()))), timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
