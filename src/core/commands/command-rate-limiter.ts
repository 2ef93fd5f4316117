import { CORE_MESSAGES } from '../i18n/core-messages.ts';
import { type Clock, monotonicMsOf, type RequestContext } from '../ports.ts';
import type { Language, Reply } from '../reply.ts';
import { emptyReply } from './command-request.ts';

/** A token bucket: up to `burst` commands at once, refilled at `perMinute` commands a minute. */
export interface CommandRateLimit {
  perMinute: number;
  burst: number;
}

/** How many commands one person and one channel may run; `false` switches a scope off. */
export interface CommandRateLimits {
  perUser: CommandRateLimit | false;
  perChannel: CommandRateLimit | false;
  /** Buckets kept in memory at most; idle ones go first, so memory stays bounded under a flood. */
  maxTrackedKeys: number;
}

/**
 * Generous for a person reading briefings (a command every three seconds, sustained), tight
 * enough that a script or a stuck client cannot monopolise the bot or its store. A channel gets
 * more than a user because several people share it.
 */
export const DEFAULT_COMMAND_RATE_LIMITS: CommandRateLimits = {
  perUser: { perMinute: 20, burst: 20 },
  perChannel: { perMinute: 60, burst: 60 },
  maxTrackedKeys: 50_000,
};

/** A command refused for now: whose limit it hit and when a token will be back. */
export interface RateLimitRefusal {
  allowed: false;
  scope: 'user' | 'channel';
  retryAfterMs: number;
  /** True for the first refusal since the key was last allowed: log once per incident. */
  startsIncident: boolean;
}

/** Whether a command may run now. */
export type RateLimitDecision = { allowed: true } | RateLimitRefusal;

/** Counts commands per platform user and per platform channel. */
export interface CommandRateLimiter {
  /** Takes one token from the asker's and the channel's buckets, or refuses without taking any. */
  take(context: RequestContext): RateLimitDecision;
}

// A token is counted in minute-milliseconds: a bucket refilling at `perMinute` gains exactly
// `perMinute` units per millisecond, so integer rates and clock times never meet rounding error
// (a fractional token could otherwise stay a hair below 1 after the announced wait).
interface Bucket {
  units: number;
  updatedAt: number;
  refusing: boolean;
}

const MINUTE_MS = 60_000;
const UNITS_PER_TOKEN = MINUTE_MS;

/**
 * Token buckets keyed by platform and user, and by platform, workspace and channel. The console
 * is one local operator, and a request from no platform (the `ask` CLI) has nobody to be fair
 * to, so neither is limited; a chat request without a channel is limited by its user. Time comes
 * from the injected clock only.
 */
export function createCommandRateLimiter(limits: CommandRateLimits, clock: Clock): CommandRateLimiter {
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, limit: CommandRateLimit, now: number): void => {
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.units = Math.min(limit.burst * UNITS_PER_TOKEN, bucket.units + elapsed * limit.perMinute);
    bucket.updatedAt = now;
  };

  const bucketFor = (key: string, limit: CommandRateLimit, now: number): Bucket => {
    let bucket = buckets.get(key);
    if (bucket) {
      refill(bucket, limit, now);
      // Re-inserting keeps the map in least-recently-used order for pruning.
      buckets.delete(key);
    } else {
      if (buckets.size >= limits.maxTrackedKeys) prune();
      bucket = { units: limit.burst * UNITS_PER_TOKEN, updatedAt: now, refusing: false };
    }
    buckets.set(key, bucket);
    return bucket;
  };

  // Forgetting a bucket only hands its key a fresh burst, so the least recently used tenth goes.
  const prune = (): void => {
    let excess = buckets.size - Math.floor(limits.maxTrackedKeys * 0.9);
    for (const key of buckets.keys()) {
      if (excess-- <= 0) break;
      buckets.delete(key);
    }
  };

  return {
    take(context) {
      const channel = context.channel;
      const platform = channel?.platform ?? context.platform;
      if (platform === 'console' || platform === undefined) return { allowed: true };
      // Refill runs on the monotonic clock when there is one: a wall clock stepped forward must not
      // hand out a full burst, nor one stepped back pause the refill.
      const now = monotonicMsOf(clock);
      const checks: Array<{ scope: 'user' | 'channel'; bucket: Bucket; limit: CommandRateLimit }> = [];
      // A request without a channel (a button in a view) still has a user: it counts for them.
      if (limits.perUser && context.userId !== undefined) {
        const key = `user:${platform}:${context.userId}`;
        checks.push({ scope: 'user', bucket: bucketFor(key, limits.perUser, now), limit: limits.perUser });
      }
      if (limits.perChannel && channel) {
        const key = `channel:${channel.platform}:${channel.workspaceId ?? ''}:${channel.channelId}`;
        checks.push({
          scope: 'channel',
          bucket: bucketFor(key, limits.perChannel, now),
          limit: limits.perChannel,
        });
      }
      const refused = checks.find((check) => check.bucket.units < UNITS_PER_TOKEN);
      if (refused) {
        const { bucket, limit } = refused;
        const startsIncident = !bucket.refusing;
        bucket.refusing = true;
        const retryAfterMs = Math.ceil((UNITS_PER_TOKEN - bucket.units) / limit.perMinute);
        return { allowed: false, scope: refused.scope, retryAfterMs, startsIncident };
      }
      for (const check of checks) {
        check.bucket.units -= UNITS_PER_TOKEN;
        check.bucket.refusing = false;
      }
      return { allowed: true };
    },
  };
}

/** The polite, private answer to a refused command, saying when to try again. */
export function rateLimitedReply(refusal: RateLimitRefusal, lang: Language): Reply {
  const messages = CORE_MESSAGES[lang];
  const seconds = Math.max(1, Math.ceil(refusal.retryAfterMs / 1000));
  return {
    ...emptyReply('error', messages.rateLimitedTitle, lang),
    sections: [{ paragraphs: [messages.rateLimited(refusal.scope, seconds)], items: [] }],
  };
}
