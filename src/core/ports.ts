import type { Reply } from './reply.ts';

/** The time source; injected so schedules and "as of" logic are testable. */
export interface Clock {
  /** The wall clock: what schedules, the ledger and "as of" dates are about. It may step. */
  now(): Date;
  /**
   * Milliseconds on a clock that only moves forward at a steady rate (performance.now), from an
   * arbitrary origin: what waits and rate windows are measured on, so stepping the wall clock
   * (NTP, a VM resumed) neither freezes nor bursts them. Without it, pacing falls back to `now`.
   */
  monotonicMs?(): number;
}

/** The clock pacing measures on: the monotonic one when the clock has it. */
export function monotonicMsOf(clock: Clock): number {
  return clock.monotonicMs ? clock.monotonicMs() : clock.now().getTime();
}

/** The logging port; pino's logger satisfies it, and tests pass a silent one. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export type Platform = 'slack' | 'discord' | 'console';

/** Where a command came from or a digest goes. */
export interface ChannelRef {
  platform: Platform;
  channelId: string;
  /** Slack team id or Discord guild id, when known. */
  workspaceId?: string;
}

/** Who asked, from where: everything the core needs to answer a command. */
export interface RequestContext {
  channel?: ChannelRef;
  /**
   * Where the request came from, also when it names no channel (a Slack button in a view or App
   * Home): the rate limiter counts such requests against their user on this platform.
   */
  platform?: Platform;
  userId?: string;
  /** The user's locale as the platform reports it, e.g. `ja` or `en-US`. */
  locale?: string;
  /** True when the platform says the user may manage this channel's settings. */
  canManageChannel?: boolean;
  /**
   * Set when the command came from a direct message (`direct`) or a group DM (`group`): the bot
   * is not a member there and cannot post a digest, so subscribing is refused up front.
   */
  directMessage?: 'direct' | 'group';
}

/** Why a platform refused a message: decides whether a delivery is retried. */
/**
 * `transient`: refused before it was posted (try again); `ambiguous`: the request reached the
 * platform and its answer was lost or an error (a timeout, a reset, a 5xx), so it may have been
 * posted; `rate_limited`, `gone`, `permanent` as named.
 */
export type DeliveryFailureKind = 'transient' | 'ambiguous' | 'rate_limited' | 'gone' | 'permanent';

/**
 * What a 429 holds back: one channel (a per-route limit), a workspace (Slack counts per
 * workspace token), or everything sent on the platform (Discord's global limit).
 */
export type RateLimitScope = 'channel' | 'workspace' | 'platform';

/** Thrown by a Publisher when a message could not be sent. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryFailureKind,
    message: string,
    readonly retryAfterMs?: number,
    /** For `rate_limited`: what the limit covers; unknown means the channel and its workspace. */
    readonly rateLimitScope?: RateLimitScope,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Posts a reply into a channel; each chat adapter provides one for digests. */
export interface Publisher {
  readonly platform: Platform;
  /** Returns the platform's message id; throws DeliveryError on failure. */
  publish(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }>;
}

/** The storage port and its records live with the digests feature that defines them. */
export type {
  CursorAdvance,
  Delivery,
  DeliveryReason,
  DeliveryState,
  DigestCursor,
  MessageRef,
  NewSubscription,
  Store,
  Subscription,
} from './digests/store-port.ts';
