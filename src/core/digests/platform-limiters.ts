import type { Clock, Platform } from '../ports.ts';
import type { PacingBucket } from './coordination-port.ts';
import {
  createRateLimiter,
  DEFAULT_RATE_LIMITS,
  type RateLimiter,
  type RateLimitRule,
} from './rate-limiter.ts';
import { createSharedRateLimiter } from './shared-rate-limiter.ts';
import type { Sleep } from './sleep.ts';

/**
 * One limiter per platform, made on first use: in memory for a replica alone on its store, or
 * paced through the store when replicas share the bot token (and so the platform's budget).
 */
export function createPlatformLimiters(options: {
  rateLimits: Partial<Record<Platform, readonly RateLimitRule[]>> | undefined;
  shared: { reserveSendTime(buckets: readonly PacingBucket[], at: Date): Promise<Date> } | undefined;
  clock: Clock;
  sleep: Sleep;
}): (platform: Platform) => RateLimiter {
  const limiters = new Map<Platform, RateLimiter>();
  return (platform) => {
    let limiter = limiters.get(platform);
    if (!limiter) {
      const rules = options.rateLimits?.[platform] ?? DEFAULT_RATE_LIMITS[platform];
      limiter = options.shared
        ? createSharedRateLimiter(platform, rules, {
            reserveSendTime: (buckets, at) => options.shared!.reserveSendTime(buckets, at),
            clock: options.clock,
            sleep: options.sleep,
          })
        : createRateLimiter(rules, options.clock, options.sleep);
      limiters.set(platform, limiter);
    }
    return limiter;
  };
}
