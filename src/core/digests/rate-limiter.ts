import type { ChannelRef, Clock, Platform } from '../ports.ts';
import type { Sleep } from './sleep.ts';

/** At most `limit` messages in any `windowMs`, counted for the whole platform, a workspace or a channel. */
export interface RateLimitRule {
  scope: 'platform' | 'workspace' | 'channel';
  limit: number;
  windowMs: number;
}

/**
 * What digests allow themselves per platform (PLATFORM.md). Slack: about one message a second per
 * channel and a few hundred a minute per workspace (we take 200). Discord: 50 requests a second
 * per bot, of which digests take 40 so interactive replies on the same token keep headroom, and
 * the per-channel message bucket of 5 per 5 s.
 */
export const DEFAULT_RATE_LIMITS: Record<Platform, readonly RateLimitRule[]> = {
  slack: [
    { scope: 'channel', limit: 1, windowMs: 1_000 },
    { scope: 'workspace', limit: 50, windowMs: 15_000 },
  ],
  discord: [
    { scope: 'platform', limit: 40, windowMs: 1_000 },
    { scope: 'channel', limit: 5, windowMs: 5_000 },
  ],
  console: [],
};

/** Paces messages so a fan-out stays inside the platform's limits instead of collecting 429s. */
export interface RateLimiter {
  /** Resolves when a message to `channel` may go out now, and counts it. */
  acquire(channel: ChannelRef, signal?: AbortSignal): Promise<void>;
  /** The platform said "slow down": hold the channel and its workspace for `ms`. */
  penalize(channel: ChannelRef, ms: number): void;
}

const PRUNE_EVERY = 1_000;

/**
 * A sliding-window limiter: a message may go when every rule saw fewer than `limit` messages in
 * the last `windowMs`. Unlike a token bucket it never allows a burst the platform's own window
 * would refuse, so pacing to the published limit yields no 429s.
 */
export function createRateLimiter(rules: readonly RateLimitRule[], clock: Clock, sleep: Sleep): RateLimiter {
  const windows = new Map<string, number[]>();
  const blockedUntil = new Map<string, number>();
  let acquisitions = 0;

  const keyOf = (rule: RateLimitRule, channel: ChannelRef) => {
    if (rule.scope === 'platform') return `${rule.windowMs}:platform`;
    if (rule.scope === 'workspace') return `${rule.windowMs}:w:${channel.workspaceId ?? '-'}`;
    return `${rule.windowMs}:c:${channel.channelId}`;
  };

  const waitFor = (channel: ChannelRef, now: number): number => {
    let wait = 0;
    for (const rule of rules) {
      const key = keyOf(rule, channel);
      wait = Math.max(wait, (blockedUntil.get(key) ?? 0) - now);
      const times = windows.get(key);
      if (!times) continue;
      while (times.length > 0 && (times[0] ?? 0) <= now - rule.windowMs) times.shift();
      if (times.length >= rule.limit) wait = Math.max(wait, (times[0] ?? now) + rule.windowMs - now);
    }
    return wait;
  };

  const prune = (now: number) => {
    const longest = Math.max(0, ...rules.map((rule) => rule.windowMs));
    for (const [key, times] of windows) if ((times.at(-1) ?? 0) <= now - longest) windows.delete(key);
    for (const [key, until] of blockedUntil) if (until <= now) blockedUntil.delete(key);
  };

  return {
    async acquire(channel, signal) {
      for (;;) {
        const now = clock.now().getTime();
        const wait = waitFor(channel, now);
        if (wait <= 0) {
          for (const rule of rules) {
            const key = keyOf(rule, channel);
            const times = windows.get(key);
            if (times) times.push(now);
            else windows.set(key, [now]);
          }
          if (++acquisitions % PRUNE_EVERY === 0) prune(now);
          return;
        }
        await sleep(wait, signal);
      }
    },
    penalize(channel, ms) {
      const until = clock.now().getTime() + ms;
      for (const rule of rules) {
        if (rule.scope === 'platform') continue;
        const key = keyOf(rule, channel);
        blockedUntil.set(key, Math.max(blockedUntil.get(key) ?? 0, until));
      }
    },
  };
}
