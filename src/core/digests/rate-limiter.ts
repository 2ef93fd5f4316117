import { type ChannelRef, type Clock, monotonicMsOf, type Platform, type RateLimitScope } from '../ports.ts';
import type { Sleep } from './sleep.ts';

/** At most `limit` messages in any `windowMs`, counted for the whole platform, a workspace or a channel. */
export interface RateLimitRule {
  scope: 'platform' | 'workspace' | 'channel';
  limit: number;
  windowMs: number;
}

/**
 * What digests allow themselves per platform (docs/platform-limits.md). Slack: about one message a second per
 * channel and a few hundred a minute per workspace (we take 200). Discord: 50 requests a second
 * per bot token, and the per-channel message bucket of 5 per 5 s. Interactive replies do not
 * share the 50: interaction callbacks and the interaction webhooks (follow-ups, edits; discord.js
 * sends them without the bot token) are outside the bot's global limit in Discord's documentation
 * and in @discordjs/rest, whose burst handler for callbacks never counts them. The only bot-token
 * requests are digest posts, so digests take 48; the 2 left over absorb the edge of the window
 * between our clock and Discord's.
 */
export const DEFAULT_RATE_LIMITS: Record<Platform, readonly RateLimitRule[]> = {
  slack: [
    { scope: 'channel', limit: 1, windowMs: 1_000 },
    { scope: 'workspace', limit: 50, windowMs: 15_000 },
  ],
  discord: [
    { scope: 'platform', limit: 48, windowMs: 1_000 },
    { scope: 'channel', limit: 5, windowMs: 5_000 },
  ],
  console: [],
};

/** Paces messages so a fan-out stays inside the platform's limits instead of collecting 429s. */
export interface RateLimiter {
  /** Resolves when a message to `channel` may go out now, and counts it. */
  acquire(channel: ChannelRef, signal?: AbortSignal): Promise<void>;
  /**
   * The platform said "slow down": hold what `scope` covers for `ms` (by default the channel and
   * its workspace; `platform` holds every channel).
   */
  penalize(channel: ChannelRef, ms: number, scope?: RateLimitScope): void;
  /** How long a message to `channel` would wait now: what `status` and `/healthz` show. */
  delayFor(channel: ChannelRef): number;
  /** The longest hold any 429 placed that has not run out yet, in ms (0 when none). */
  longestHold(): number;
}

const PRUNE_EVERY = 1_000;

/**
 * A sliding-window limiter: a message may go when every rule saw fewer than `limit` messages in
 * the last `windowMs`. Unlike a token bucket it never allows a burst the platform's own window
 * would refuse, so pacing to the published limit yields no 429s. Windows and holds are measured
 * on the monotonic clock: a wall clock stepped back must not make past sends look like future
 * ones (which froze pacing for as long as the step).
 */
export function createRateLimiter(rules: readonly RateLimitRule[], clock: Clock, sleep: Sleep): RateLimiter {
  const windows = new Map<string, number[]>();
  const holds = createHolds();
  let acquisitions = 0;
  const now = () => monotonicMsOf(clock);

  const keyOf = (rule: RateLimitRule, channel: ChannelRef) => {
    if (rule.scope === 'platform') return `${rule.windowMs}:platform`;
    if (rule.scope === 'workspace') return `${rule.windowMs}:w:${channel.workspaceId ?? '-'}`;
    return `${rule.windowMs}:c:${channel.channelId}`;
  };

  const waitFor = (channel: ChannelRef, at: number): number => {
    let wait = holds.remaining(channel, at);
    for (const rule of rules) {
      const times = windows.get(keyOf(rule, channel));
      if (!times) continue;
      while (times.length > 0 && (times[0] ?? 0) <= at - rule.windowMs) times.shift();
      if (times.length >= rule.limit) wait = Math.max(wait, (times[0] ?? at) + rule.windowMs - at);
    }
    return wait;
  };

  const prune = (at: number) => {
    const longest = Math.max(0, ...rules.map((rule) => rule.windowMs));
    for (const [key, times] of windows) if ((times.at(-1) ?? 0) <= at - longest) windows.delete(key);
    holds.prune(at);
  };

  return {
    async acquire(channel, signal) {
      for (;;) {
        const at = now();
        const wait = waitFor(channel, at);
        if (wait <= 0) {
          for (const rule of rules) {
            const key = keyOf(rule, channel);
            const times = windows.get(key);
            if (times) times.push(at);
            else windows.set(key, [at]);
          }
          if (++acquisitions % PRUNE_EVERY === 0) prune(at);
          return;
        }
        await sleep(wait, signal);
      }
    },
    penalize: (channel, ms, scope) => holds.hold(channel, now(), ms, scope),
    delayFor: (channel) => Math.max(0, waitFor(channel, now())),
    longestHold: () => holds.longest(now()),
  };
}

const SWEEP_HOLDS_ABOVE = 10_000;

/** Holds placed by 429s, by what they cover; shared by the local and the store-paced limiter. */
export function createHolds() {
  const until = new Map<string, number>();
  let sweepAbove = SWEEP_HOLDS_ABOVE;
  const keysOf = (channel: ChannelRef, scope?: RateLimitScope) => {
    if (scope === 'platform') return ['p'];
    if (scope === 'workspace') return [`w:${channel.workspaceId ?? '-'}`];
    if (scope === 'channel') return [`c:${channel.channelId}`];
    return [`c:${channel.channelId}`, `w:${channel.workspaceId ?? '-'}`];
  };
  const prune = (at: number) => {
    for (const [key, end] of until) if (end <= at) until.delete(key);
  };
  return {
    /** Holds what `scope` covers from `at` for `ms`. */
    hold(channel: ChannelRef, at: number, ms: number, scope?: RateLimitScope) {
      for (const key of keysOf(channel, scope)) until.set(key, Math.max(until.get(key) ?? 0, at + ms));
      // Swept only as the map doubles: a storm over many channels must not sweep on every hold.
      if (until.size > sweepAbove) {
        prune(at);
        sweepAbove = Math.max(SWEEP_HOLDS_ABOVE, 2 * until.size);
      }
    },
    /** How long `channel` is still held at `at`, by itself, its workspace or the platform. */
    remaining(channel: ChannelRef, at: number): number {
      const keys = ['p', `w:${channel.workspaceId ?? '-'}`, `c:${channel.channelId}`];
      return Math.max(0, ...keys.map((key) => (until.get(key) ?? 0) - at));
    },
    longest(at: number): number {
      return Math.max(0, ...[...until.values()].map((end) => end - at));
    },
    prune,
  };
}
