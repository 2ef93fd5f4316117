import type { RateLimitRule } from '../../src/core/digests/rate-limiter.ts';
import {
  type ChannelRef,
  type Clock,
  DeliveryError,
  type Platform,
  type Publisher,
} from '../../src/core/ports.ts';
import type { Reply } from '../../src/core/reply.ts';

/** A message the fake platform accepted. */
export interface PublishedMessage {
  channel: ChannelRef;
  reply: Reply;
  messageId: string;
  at: Date;
}

/** A publish the fake is holding (see `holdAfter`); settle it by hand or never. */
export interface HeldPublish {
  channel: ChannelRef;
  /** Accepts the message (it is recorded) and answers the caller. */
  accept(): void;
}

export interface FakePublisher extends Publisher {
  readonly messages: PublishedMessage[];
  /** Requests refused with 429 because they broke a limit (not counting injected failures). */
  readonly rateLimitedCount: number;
  readonly held: HeldPublish[];
  /** Every call to publish, whatever its outcome. */
  readonly publishCalls: number;
  messagesTo(channelId: string): PublishedMessage[];
  /** The next `times` publishes to `channelId` (any channel when `*`) fail with `error`. */
  failNext(channelId: string, error: DeliveryError, times?: number): void;
  /** Every publish to this channel fails as `gone` from now on. */
  removeChannel(channelId: string): void;
  /** After `count` more accepted messages, publishes hang: neither accepted nor refused. */
  holdAfter(count: number): void;
  /** `after_platform`: a held publish is recorded as posted first, as if we crashed after the platform's OK. */
  holdMode: 'before_platform' | 'after_platform';
}

/**
 * What the platforms themselves enforce (docs/platform-limits.md), with Slack's "few hundred a
 * minute per workspace" taken as 200; the bot paces itself by DEFAULT_RATE_LIMITS.
 */
export const PLATFORM_ENFORCED_LIMITS: Record<'slack' | 'discord', readonly RateLimitRule[]> = {
  slack: [
    { scope: 'channel', limit: 1, windowMs: 1_000 },
    { scope: 'workspace', limit: 50, windowMs: 15_000 },
  ],
  discord: [
    { scope: 'platform', limit: 50, windowMs: 1_000 },
    { scope: 'channel', limit: 5, windowMs: 5_000 },
  ],
};

/**
 * A chat platform in memory that enforces rate limits the way Slack and Discord do: a request
 * over a limit gets a 429 with Retry-After instead of being posted. Limits use the same sliding
 * window definition as the bot's limiter, on the injected clock.
 */
export function createFakePublisher(options: {
  platform: Platform;
  clock: Clock;
  rules?: readonly RateLimitRule[];
  /** Offer `publishOnce`: a key already posted gets the earlier post back, as Discord's nonce does. */
  deduplicate?: boolean;
}): FakePublisher {
  const rules = options.rules ?? [];
  const windows = new Map<string, number[]>();
  const failures: { channelId: string; error: DeliveryError; times: number }[] = [];
  const gone = new Set<string>();
  const messages: PublishedMessage[] = [];
  const byChannel = new Map<string, PublishedMessage[]>();
  const held: HeldPublish[] = [];
  let holdAfter = Number.POSITIVE_INFINITY;
  let rateLimitedCount = 0;
  let publishCalls = 0;
  let nextId = 1;

  const keyOf = (rule: RateLimitRule, channel: ChannelRef) =>
    rule.scope === 'platform'
      ? `${rule.windowMs}:p`
      : rule.scope === 'workspace'
        ? `${rule.windowMs}:w:${channel.workspaceId ?? '-'}`
        : `${rule.windowMs}:c:${channel.channelId}`;

  const record = (channel: ChannelRef, reply: Reply): string => {
    const message = { channel, reply, messageId: `m${nextId++}`, at: options.clock.now() };
    messages.push(message);
    const list = byChannel.get(channel.channelId);
    if (list) list.push(message);
    else byChannel.set(channel.channelId, [message]);
    return message.messageId;
  };

  const publisher: FakePublisher = {
    platform: options.platform,
    messages,
    held,
    holdMode: 'before_platform',
    get rateLimitedCount() {
      return rateLimitedCount;
    },
    get publishCalls() {
      return publishCalls;
    },
    messagesTo: (channelId) => byChannel.get(channelId) ?? [],
    failNext(channelId, error, times = 1) {
      failures.push({ channelId, error, times });
    },
    removeChannel(channelId) {
      gone.add(channelId);
    },
    holdAfter(count) {
      holdAfter = messages.length + count;
    },
    async publish(channel, reply) {
      publishCalls++;
      if (gone.has(channel.channelId)) throw new DeliveryError('gone', 'channel_not_found');
      const failure = failures.find(
        (f) => f.times > 0 && (f.channelId === '*' || f.channelId === channel.channelId),
      );
      if (failure) {
        failure.times--;
        throw failure.error;
      }
      const now = options.clock.now().getTime();
      let retryAfterMs = 0;
      for (const rule of rules) {
        const times = (windows.get(keyOf(rule, channel)) ?? []).filter((t) => t > now - rule.windowMs);
        windows.set(keyOf(rule, channel), times);
        if (times.length >= rule.limit)
          retryAfterMs = Math.max(retryAfterMs, (times[0] ?? now) + rule.windowMs - now);
      }
      if (retryAfterMs > 0) {
        rateLimitedCount++;
        throw new DeliveryError('rate_limited', '429 Too Many Requests', retryAfterMs);
      }
      for (const rule of rules) windows.get(keyOf(rule, channel))?.push(now);
      if (messages.length >= holdAfter) {
        return new Promise((resolve) => {
          const messageId = publisher.holdMode === 'after_platform' ? record(channel, reply) : undefined;
          held.push({ channel, accept: () => resolve({ messageId: messageId ?? record(channel, reply) }) });
        });
      }
      return { messageId: record(channel, reply) };
    },
  };
  if (!options.deduplicate) return publisher;
  const byKey = new Map<string, string>();
  return Object.assign(publisher, {
    async publishOnce(channel: ChannelRef, reply: Reply, key: string) {
      const earlier = byKey.get(key);
      if (earlier) return { messageId: earlier };
      const result = await publisher.publish(channel, reply);
      byKey.set(key, result.messageId);
      return result;
    },
  });
}
