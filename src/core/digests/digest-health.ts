import { type Clock, monotonicMsOf, type Platform } from '../ports.ts';

/** What `/healthz` says about digests: up while held work keeps moving. */
export interface DigestHealth {
  status: 'up' | 'down';
  detail?: string;
  /** Deliveries this replica holds (queued, sending or waiting out a retry). */
  pending: number;
  /** How long held work has gone without one delivery settling, in ms (0 with nothing held). */
  stalledMs: number;
  /** Per platform, the longest wait a 429 imposed that is still running, in ms. */
  pacing: Partial<Record<Platform, number>>;
}

/** Held work with nothing settled for this long is reported down (default). */
export const DEFAULT_STALL_AFTER_MS = 5 * 60_000;

/**
 * Notices digests that are due but not moving: a delivery settling (sent, failed, skipped,
 * released) is progress, and so is work arriving at an idle queue, which starts the count.
 */
export function createProgressTracker(clock: Clock) {
  let lastProgress = monotonicMsOf(clock);
  return {
    progressed() {
      lastProgress = monotonicMsOf(clock);
    },
    /** Call before work is added: an idle queue's count starts at the new work, not earlier. */
    arriving(pendingBefore: number) {
      if (pendingBefore === 0) lastProgress = monotonicMsOf(clock);
    },
    health(options: {
      pending: number;
      pacing: Partial<Record<Platform, number>>;
      stallAfterMs: number;
    }): DigestHealth {
      const stalledMs = options.pending === 0 ? 0 : Math.max(0, monotonicMsOf(clock) - lastProgress);
      const base = { pending: options.pending, stalledMs, pacing: options.pacing };
      if (stalledMs < options.stallAfterMs) return { status: 'up', ...base };
      const held = Object.entries(options.pacing)
        .filter(([, ms]) => (ms ?? 0) > 0)
        .map(([platform, ms]) => `${platform} rate-limited for ${Math.ceil((ms ?? 0) / 1_000)} s more`);
      return {
        status: 'down',
        detail: [
          `${options.pending} due digest(s) held, none settled for ${Math.round(stalledMs / 1_000)} s`,
          ...held,
        ].join('; '),
        ...base,
      };
    },
  };
}
