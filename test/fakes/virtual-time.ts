import type { Sleep } from '../../src/core/digests/sleep.ts';
import type { Clock } from '../../src/core/ports.ts';

/** A clock and a Sleep on simulated time, for deterministic tests and a fast fan-out benchmark. */
export interface VirtualTime {
  clock: Clock;
  sleep: Sleep;
  /** The wall clock's reading, in ms. */
  nowMs(): number;
  /**
   * Steps the wall clock by `ms` (negative: back, as NTP correcting a fast clock does) without
   * moving time itself: sleepers and the monotonic clock carry on as if nothing happened.
   */
  stepWallClock(ms: number): void;
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
  /**
   * Real I/O (a database over the network) that virtual time must wait for: while any tracked
   * promise is pending, time does not jump, so I/O takes no virtual time but never overtakes it.
   */
  track<T>(promise: Promise<T>): Promise<T>;
}

interface Sleeper {
  at: number;
  resolve(): void;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createVirtualTime(start: Date | string): VirtualTime {
  // `now` is time itself (what sleepers and the monotonic clock follow); the wall clock reads
  // `now + wallOffset`, so a step of the wall clock changes no wait.
  let now = new Date(start).getTime();
  let wallOffset = 0;
  let sleepers: Sleeper[] = [];
  // I/O in flight, and who waits for it all to settle: time may not jump before that.
  let pending = 0;
  let settledWaiters: (() => void)[] = [];
  const allSettled = () =>
    pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => settledWaiters.push(resolve));

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
      if (pending > 0) {
        await allSettled();
        continue;
      }
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
    clock: { now: () => new Date(now + wallOffset), monotonicMs: () => now },
    sleep,
    nowMs: () => now + wallOffset,
    stepWallClock(ms) {
      wallOffset += ms;
    },
    set(instant) {
      now = Math.max(now, new Date(instant).getTime() - wallOffset);
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
    track(promise) {
      pending++;
      const settle = () => {
        if (--pending > 0) return;
        const waiters = settledWaiters;
        settledWaiters = [];
        for (const resolve of waiters) resolve();
      };
      promise.then(settle, settle);
      return promise;
    },
  };
}
