/**
 * Waits `ms`, or rejects with the signal's reason once it is aborted. Injected so tests and the
 * fan-out benchmark can run deliveries on virtual time.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * The longest delay Node's timers take (2^31 - 1 ms, about 24.8 days). A longer one is not an
 * error to Node: it warns and fires after 1 ms, so a "wait 34 days" would become a busy loop.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay Node can arm: negative, NaN and too-long values become 0 or the longest one. */
export function timerDelay(ms: number): number {
  if (!Number.isFinite(ms)) return Number.isNaN(ms) || ms < 0 ? 0 : MAX_TIMER_MS;
  return Math.min(MAX_TIMER_MS, Math.max(0, ms));
}

/**
 * The real-time Sleep, on Node's timers (which vitest's fake timers can drive). A wait longer
 * than a timer can hold is taken in chunks, so it is neither cut short nor turned into a spin.
 */
export const sleepWithTimers: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let left = Number.isNaN(ms) ? 0 : Math.max(0, ms);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const arm = () => {
      const chunk = timerDelay(left);
      left -= chunk;
      timer = setTimeout(() => {
        if (left > 0) {
          arm();
          return;
        }
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, chunk);
    };
    arm();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
