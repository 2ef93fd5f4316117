import type { Sleep } from '../../src/core/digests/sleep.ts';
import type { Clock } from '../../src/core/ports.ts';

/** A clock and a Sleep on simulated time, for deterministic tests and a fast fan-out benchmark. */
export interface VirtualTime {
  clock: Clock;
  sleep: Sleep;
  nowMs(): number;
  /** Jumps the clock (a bot that was down, a restart later); sleepers due by then wake. */
  set(instant: Date | string): void;
  advance(ms: number): void;
  /**
   * Runs until `promise` settles: whenever everything runnable has run and only sleepers are
   * left, time jumps to the earliest wake-up. Returns the promise's value.
   */
  run<T>(promise: Promise<T>): Promise<T>;
  /** Runs, jumping time as `run` does, until `done()` holds; throws if it never can. */
  runUntil(done: () => boolean): Promise<void>;
}

interface Sleeper {
  at: number;
  resolve(): void;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createVirtualTime(start: Date | string): VirtualTime {
  let now = new Date(start).getTime();
  let sleepers: Sleeper[] = [];

  const wakeDue = () => {
    const due = sleepers.filter((s) => s.at <= now);
    sleepers = sleepers.filter((s) => s.at > now);
    for (const sleeper of due) sleeper.resolve();
  };

  const sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const sleeper: Sleeper = {
        at: now + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        sleepers = sleepers.filter((s) => s !== sleeper);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      sleepers.push(sleeper);
    });

  const drive = async (done: () => boolean) => {
    for (;;) {
      // setImmediate runs after every queued microtask and pending I/O callback, so once it
      // fires, everything not waiting on a sleeper has had its turn.
      await turn();
      if (done()) return;
      if (sleepers.length === 0) {
        await turn();
        if (done()) return;
        if (sleepers.length === 0) throw new Error('virtual time: nothing left to wait for, and not done');
      }
      now = Math.max(now, Math.min(...sleepers.map((s) => s.at)));
      wakeDue();
    }
  };

  return {
    clock: { now: () => new Date(now) },
    sleep,
    nowMs: () => now,
    set(instant) {
      now = Math.max(now, new Date(instant).getTime());
      wakeDue();
    },
    advance(ms) {
      now += ms;
      wakeDue();
    },
    async run(promise) {
      let settled = false;
      const tracked = promise.finally(() => {
        settled = true;
      });
      tracked.catch(() => {});
      await drive(() => settled);
      return tracked;
    },
    runUntil: (done) => drive(done),
  };
}
