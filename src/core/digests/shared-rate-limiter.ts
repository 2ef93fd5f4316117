import { type ChannelRef, type Clock, monotonicMsOf, type Platform } from '../ports.ts';
import type { PacingBucket } from './coordination-port.ts';
import { createHolds, createRateLimiter, type RateLimiter, type RateLimitRule } from './rate-limiter.ts';
import type { Sleep } from './sleep.ts';

/**
 * A rate limiter for replicas posting with one bot token: the platform counts their messages
 * together, so a replica pacing itself to the full limit would let N of them send N times too
 * fast. Platform- and workspace-wide rules are budgets in the shared store (the same sliding
 * windows, as lanes: see DeliveryCoordination.reserveSendTime), reserved in one round trip per
 * message. Channel rules stay in this replica: it claims a channel's deliveries together.
 *
 * The shared reservation comes first and the channel's own window is checked at the reserved time,
 * so a message is counted in every window at the moment it really goes out. A reservation cut
 * short (shutdown) or followed by a channel wait is simply not used: slower, never faster.
 */
export function createSharedRateLimiter(
  platform: Platform,
  rules: readonly RateLimitRule[],
  deps: {
    reserveSendTime(buckets: readonly PacingBucket[], at: Date): Promise<Date>;
    clock: Clock;
    sleep: Sleep;
  },
): RateLimiter {
  const shared = rules.filter((rule) => rule.scope !== 'channel');
  const local = createRateLimiter(
    rules.filter((rule) => rule.scope === 'channel'),
    deps.clock,
    deps.sleep,
  );
  // A 429 is the platform's word about this replica's channel, workspace or whole token: waiting
  // it out here is enough, since the shared budget already keeps the other replicas under the limit.
  const holds = createHolds();
  const now = () => monotonicMsOf(deps.clock);
  // The store's lanes are on the wall clock, the only one replicas share. A reservation further
  // ahead than any honest backlog means the wall clock stepped back under them: wait this long at
  // most rather than for the size of the step (the channel's own window still applies).
  const longestAheadMs = MAX_WINDOWS_AHEAD * Math.max(0, ...shared.map((rule) => rule.windowMs));

  const bucketOf = (rule: RateLimitRule, channel: ChannelRef): PacingBucket => ({
    key: `${platform}:${rule.limit}/${rule.windowMs}:${rule.scope === 'platform' ? 'p' : `w:${channel.workspaceId ?? '-'}`}`,
    limit: rule.limit,
    windowMs: rule.windowMs,
  });

  return {
    async acquire(channel, signal) {
      const held = holds.remaining(channel, now());
      if (held > 0) await deps.sleep(held, signal);
      if (shared.length > 0) {
        const buckets = shared.map((rule) => bucketOf(rule, channel));
        const sendAt = await deps.reserveSendTime(buckets, deps.clock.now());
        const wait = Math.min(longestAheadMs, sendAt.getTime() - deps.clock.now().getTime());
        if (wait > 0) await deps.sleep(wait, signal);
      }
      await local.acquire(channel, signal);
    },
    penalize(channel, ms, scope) {
      holds.hold(channel, now(), ms, scope);
      local.penalize(channel, ms, scope);
    },
    delayFor: (channel) => Math.max(holds.remaining(channel, now()), local.delayFor(channel)),
    longestHold: () => Math.max(holds.longest(now()), local.longestHold()),
  };
}

const MAX_WINDOWS_AHEAD = 10;
