import type { DeliveryError } from '../ports.ts';

/** How hard a delivery tries before it is recorded as failed. */
export interface RetryPolicy {
  /** Attempts in all for transient failures (timeouts, 5xx). */
  maxAttempts: number;
  /** 429s are the platform pacing us, not failing: they get a separate, larger allowance. */
  maxRateLimited: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest Retry-After honoured. A platform (or a proxy in front of it) may ask for an hour
   * or a month after a short storm; waiting that out would stall digests long after the limit
   * lifted, so past this we try again and let another 429 say if it still holds.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxRateLimited: 30,
  baseDelayMs: 2_000,
  maxDelayMs: 120_000,
  maxRetryAfterMs: 30_000,
};

/**
 * The wait before the next attempt: the platform's Retry-After (up to `maxRetryAfterMs`) when it
 * gave one for a 429, otherwise exponential backoff with jitter (half fixed, half random) so a
 * fan-out that failed together does not retry together; never shorter than a Retry-After.
 */
export function retryDelay(
  policy: RetryPolicy,
  failures: number,
  error: DeliveryError,
  random: () => number,
) {
  const retryAfter =
    error.retryAfterMs === undefined || Number.isNaN(error.retryAfterMs)
      ? undefined
      : Math.min(policy.maxRetryAfterMs, Math.max(0, error.retryAfterMs));
  if (error.kind === 'rate_limited' && retryAfter !== undefined) return retryAfter;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.max(retryAfter ?? 0, backoff / 2 + (random() * backoff) / 2);
}
