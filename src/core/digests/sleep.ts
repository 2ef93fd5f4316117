/**
 * Waits `ms`, or rejects with the signal's reason once it is aborted. Injected so tests and the
 * fan-out benchmark can run deliveries on virtual time.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real-time Sleep, on Node's timers (which vitest's fake timers can drive). */
export const sleepWithTimers: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
