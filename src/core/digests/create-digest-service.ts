import type { BriefingLibrary } from '../briefings/briefing.ts';
import { UserFacingError } from '../errors.ts';
import type { Clock, Logger, Platform, Publisher } from '../ports.ts';
import { isTopicId } from '../topics/topic-ids.ts';
import { composeDigest } from './compose-digest.ts';
import { type DeliveryDependencies, deliverDigest } from './deliver-digest.ts';
import { createDeliveryQueue } from './delivery-queue.ts';
import type { DigestCommands } from './digest-commands.ts';
import { createDigestScheduler } from './digest-scheduler.ts';
import { digestStatus } from './digest-status.ts';
import {
  createRateLimiter,
  DEFAULT_RATE_LIMITS,
  type RateLimiter,
  type RateLimitRule,
} from './rate-limiter.ts';
import { catchUpMissed, type RecoveryOptions, recoverUnfinished } from './recover-deliveries.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';
import { type Sleep, sleepWithTimers } from './sleep.ts';
import type { Store, Subscription } from './store-port.ts';
import { createSubscriptionCommands, requireChannel } from './subscription-commands.ts';
import { SUBSCRIPTION_MESSAGES } from './subscription-messages.ts';
import { resolveTimeZone } from './zoned-time.ts';

/** What the digest feature is built from; everything after `defaultTimeZone` has a default. */
export interface DigestServiceDependencies {
  store: Store;
  getLibrary: () => BriefingLibrary;
  clock: Clock;
  logger: Logger;
  /** Filled by the adapters that run; read at send time, so it may be filled after creation. */
  publishers: ReadonlyMap<Platform, Publisher>;
  /** For subscriptions that name no `tz=` (EUJP_TZ). */
  defaultTimeZone: string;
  /** A digest missed while down is sent late within this, recorded as skipped beyond it. */
  catchUpWindowMs?: number;
  /** A claim not renewed for this long is taken to belong to a dead process. */
  leaseMs?: number;
  rateLimits?: Partial<Record<Platform, readonly RateLimitRule[]>>;
  retry?: Partial<RetryPolicy>;
  concurrencyPerPlatform?: number;
  shutdownGraceMs?: number;
  maxSubscriptionsPerChannel?: number;
  /** node-cron fires slots; tests and the bench may turn it off and call `runSlot`. */
  schedule?: boolean;
  sleep?: Sleep;
  random?: () => number;
}

/** The digest feature: the commands the core calls, and the scheduler's lifecycle. */
export interface DigestService {
  commands: DigestCommands;
  /** Schedules every enabled subscription, then finishes and catches up what a restart left. */
  start(): Promise<void>;
  /** Stops scheduling; lets publishes under way finish, releases the rest for the next start. */
  stop(): Promise<void>;
  /** Claims and sends one slot of one schedule, exactly as a node-cron tick does. */
  runSlot(cron: string, timeZone: string, slot: Date): Promise<void>;
  /** Resolves when no delivery is queued or running. */
  idle(): Promise<void>;
}

export const DEFAULT_CATCH_UP_WINDOW_MS = 6 * 3_600_000;
const DEFAULT_LEASE_MS = 5 * 60_000;

export function createDigestService(deps: DigestServiceDependencies): DigestService {
  const { store, clock, logger } = deps;
  const defaultTimeZone = resolveTimeZone(deps.defaultTimeZone);
  if (!defaultTimeZone) throw new Error(`unknown default time zone for digests: ${deps.defaultTimeZone}`);
  const catchUpWindowMs = deps.catchUpWindowMs ?? DEFAULT_CATCH_UP_WINDOW_MS;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const sleep = deps.sleep ?? sleepWithTimers;

  const limiters = new Map<Platform, RateLimiter>();
  const delivery: DeliveryDependencies = {
    store,
    getLibrary: deps.getLibrary,
    clock,
    logger,
    publishers: deps.publishers,
    sleep,
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
    random: deps.random ?? Math.random,
    limiterFor(platform) {
      let limiter = limiters.get(platform);
      if (!limiter) {
        limiter = createRateLimiter(
          deps.rateLimits?.[platform] ?? DEFAULT_RATE_LIMITS[platform],
          clock,
          sleep,
        );
        limiters.set(platform, limiter);
      }
      return limiter;
    },
  };
  const queue = createDeliveryQueue({
    deliver: (claimed, signal) => deliverDigest(claimed, delivery, signal),
    release: (claimed) => store.releaseDelivery(claimed.id, clock.now()),
    concurrencyPerPlatform: deps.concurrencyPerPlatform ?? 16,
    logger,
    sleep,
  });

  const runSlot = async (cron: string, timeZone: string, slot: Date) => {
    const now = clock.now();
    const subscriptions = await store.listEnabledSubscriptions({ cron, timeZone });
    if (subscriptions.length === 0) scheduler.drop(cron, timeZone);
    for (const subscription of subscriptions) {
      if (subscription.createdAt.getTime() >= slot.getTime()) continue;
      if (now.getTime() - slot.getTime() > catchUpWindowMs) {
        await store.recordSkipped(subscription, slot, 'missed_beyond_window', now);
        continue;
      }
      const claimed = await store.claimDelivery(subscription, slot, now);
      if (claimed) queue.enqueue(claimed);
    }
  };
  const scheduler = createDigestScheduler(runSlot, logger);
  const recovery: RecoveryOptions = {
    store,
    clock,
    logger,
    catchUpWindowMs,
    leaseMs,
    isInFlight: (id) => queue.has(id),
    enqueue: (claimed) => queue.enqueue(claimed),
  };
  const subscriptionCommands = createSubscriptionCommands({
    store,
    getLibrary: deps.getLibrary,
    clock,
    // Without node-cron nothing should be scheduled, but subscriptions still go to the store.
    scheduler: deps.schedule === false ? { ensure: () => {}, drop: () => {} } : scheduler,
    defaultTimeZone,
    maxPerChannel: deps.maxSubscriptionsPerChannel ?? 10,
  });

  let sweep: ReturnType<typeof setInterval> | undefined;
  let started = false;

  const commands: DigestCommands = {
    ...subscriptionCommands,
    async preview({ channel, lang, topics }) {
      const library = deps.getLibrary();
      const unknown = topics.filter((t) => !isTopicId(t) || !library.briefings.has(t));
      if (unknown.length > 0) {
        throw new UserFacingError('unknown_topic', SUBSCRIPTION_MESSAGES[lang].unknownTopics(unknown));
      }
      const cursor = channel ? await store.getDigestCursor(channel) : undefined;
      return composeDigest({
        library,
        topics,
        cursor,
        now: clock.now(),
        lang,
        visibility: 'private',
        preview: true,
      }).reply;
    },
    status: ({ channel, lang }) =>
      digestStatus({ store, clock, defaultTimeZone }, requireChannel(channel, lang), lang),
  };

  return {
    commands,
    runSlot,
    idle: () => queue.idle(),
    async start() {
      if (started) return;
      started = true;
      const subscriptions = await store.listEnabledSubscriptions();
      // Timers first: a slot that falls during recovery is then fired by node-cron, and one
      // before the timers started is found by the catch-up below (claims are idempotent).
      // One unreadable row (a time zone a newer ICU dropped) must not hold up every other digest.
      const guarded = async (subscription: Subscription, work: () => unknown) => {
        try {
          await work();
        } catch (error) {
          logger.error(
            { err: error, subscriptionId: subscription.id },
            'digest subscription could not be scheduled',
          );
        }
      };
      if (deps.schedule !== false) {
        for (const s of subscriptions) await guarded(s, () => scheduler.ensure(s.cron, s.timeZone));
      }
      await recoverUnfinished(recovery);
      for (const s of subscriptions) await guarded(s, () => catchUpMissed(recovery, s));
      sweep = setInterval(
        () => {
          recoverUnfinished(recovery).catch((error: unknown) => {
            logger.error({ err: error }, 'digest recovery sweep failed');
          });
        },
        Math.max(1_000, leaseMs / 2),
      );
      sweep.unref?.();
      logger.info(
        { subscriptions: subscriptions.length, schedules: scheduler.keys().length },
        'digest scheduler started',
      );
    },
    async stop() {
      if (sweep) clearInterval(sweep);
      await scheduler.stop();
      await queue.stop(deps.shutdownGraceMs ?? 10_000);
      logger.info('digest scheduler stopped');
    },
  };
}
