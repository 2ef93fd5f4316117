import type { ChannelRef, Clock, Platform } from '../ports.ts';
import type { PacingBucket } from './coordination-port.ts';
import type { RateLimiter, RateLimitRule } from './rate-limiter.ts';
import type { Sleep } from './sleep.ts';

/**
 * A rate limiter whose budget lives in the shared store, for replicas posting with one bot token:
 * the platform counts their messages together, so each replica pacing itself to the full limit
 * would send N times too fast. Each rule becomes strict pacing (one message per window/limit)
 * and a message reserves its send time on every bucket it touches in one round trip.
 *
 * Strict pacing gives up the bursts a sliding window would allow; over a fan-out of any size the
 * rate is the same. A reservation is spent even if the wait is cut short (shutdown), which only
 * ever makes us slower, never faster, than the limit.
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
  // A 429 is the platform's word for this replica's channel or workspace; waiting it out here
  // is enough, since the shared pacing already keeps the other replicas under the limit.
  const blockedUntil = new Map<string, number>();

  const bucketKey = (rule: RateLimitRule, channel: ChannelRef) => {
    const scope =
      rule.scope === 'platform'
        ? 'p'
        : rule.scope === 'workspace'
          ? `w:${channel.workspaceId ?? '-'}`
          : `c:${channel.channelId}`;
    return `${platform}:${rule.limit}/${rule.windowMs}:${scope}`;
  };
  const localKeys = (channel: ChannelRef) => [`c:${channel.channelId}`, `w:${channel.workspaceId ?? '-'}`];

  return {
    async acquire(channel, signal) {
      const now = deps.clock.now().getTime();
      const blocked = Math.max(0, ...localKeys(channel).map((key) => (blockedUntil.get(key) ?? 0) - now));
      if (blocked > 0) await deps.sleep(blocked, signal);
      if (rules.length === 0) return;
      const buckets = rules.map((rule) => ({
        key: bucketKey(rule, channel),
        intervalMs: rule.windowMs / rule.limit,
      }));
      const sendAt = await deps.reserveSendTime(buckets, deps.clock.now());
      const wait = sendAt.getTime() - deps.clock.now().getTime();
      if (wait > 0) await deps.sleep(wait, signal);
    },
    penalize(channel, ms) {
      const until = deps.clock.now().getTime() + ms;
      for (const key of localKeys(channel))
        blockedUntil.set(key, Math.max(blockedUntil.get(key) ?? 0, until));
      if (blockedUntil.size > 10_000) {
        const now = deps.clock.now().getTime();
        for (const [key, at] of blockedUntil) if (at <= now) blockedUntil.delete(key);
      }
    },
  };
}
