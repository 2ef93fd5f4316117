import { randomUUID } from 'node:crypto';
import type { ChannelRef } from '../ports.ts';
import { type DeliveryDependencies, deliverDigest } from './deliver-digest.ts';
import { createDeliveryPuller } from './delivery-puller.ts';
import { createDeliveryQueue, type DeliveryQueue } from './delivery-queue.ts';
import type { DigestCommands } from './digest-commands.ts';
import { createProgressTracker, DEFAULT_STALL_AFTER_MS } from './digest-health.ts';
import { createDigestScheduler } from './digest-scheduler.ts';
import type { DigestService, DigestServiceDependencies } from './digest-service.ts';
import { digestStatus } from './digest-status.ts';
import { createPlatformLimiters } from './platform-limiters.ts';
import { previewDigest } from './preview-digest.ts';
import {
  catchUpMissed,
  type RecoveryOptions,
  recoverUnfinished,
  resumeCrashed,
} from './recover-deliveries.ts';
import { createFailedWorkRetries } from './retry-failed-work.ts';
import { DEFAULT_RETRY_POLICY } from './retry-policy.ts';
import { createSlotRunner } from './run-digest-slot.ts';
import { sleepWithTimers } from './sleep.ts';
import { createSlotElection } from './slot-election.ts';
import { startDigestLoops } from './start-digest-loops.ts';
import type { Subscription } from './store-port.ts';
import { createSubscriptionCommands, requireChannel } from './subscription-commands.ts';
import { resolveTimeZone } from './zoned-time.ts';

export type { DigestService, DigestServiceDependencies };

export const DEFAULT_CATCH_UP_WINDOW_MS = 6 * 3_600_000;
// Live replicas renew every third of it, so it only bounds how long a dead one's claims wait;
// short enough that a takeover falls inside Discord's few-minute nonce window.
const DEFAULT_LEASE_MS = 2 * 60_000;

export function createDigestService(deps: DigestServiceDependencies): DigestService {
  const { store, clock, logger } = deps;
  const defaultTimeZone = resolveTimeZone(deps.defaultTimeZone);
  if (!defaultTimeZone) throw new Error(`unknown default time zone for digests: ${deps.defaultTimeZone}`);
  const catchUpWindowMs = deps.catchUpWindowMs ?? DEFAULT_CATCH_UP_WINDOW_MS;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const sleep = deps.sleep ?? sleepWithTimers;
  const owner = deps.replicaId ?? `replica-${randomUUID()}`;
  // Ends the background loops (claim renewal, polling, sweeps) and any wait for an offer on stop.
  const loops = new AbortController();
  // Replicas share one bot token, so its rate budget and each slot's election live in the store.
  const coordinated = store.sharedByReplicas;
  const concurrencyPerPlatform = deps.concurrencyPerPlatform ?? 16;

  const delivery: DeliveryDependencies = {
    store,
    getLibrary: deps.getLibrary,
    clock,
    logger,
    publishers: deps.publishers,
    sleep,
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
    random: deps.random ?? Math.random,
    owner,
    retryLater: (key, write) => retries.remember(key, write),
    limiterFor: createPlatformLimiters({
      rateLimits: deps.rateLimits,
      shared: coordinated ? store : undefined,
      clock,
      sleep,
    }),
  };
  const progress = createProgressTracker(clock);
  const deliveries = createDeliveryQueue({
    deliver: (claimed, signal) => deliverDigest(claimed, delivery, signal),
    release: async (claimed) => {
      await store.releaseDelivery(claimed.id, clock.now(), owner);
    },
    onSettled: () => {
      progress.progressed();
      puller.settled();
    },
    onCrashed: (crashed) =>
      retries.remember(`delivery:${crashed.id}`, () => resumeCrashed(recovery, crashed)),
    concurrencyPerPlatform,
    logger,
    sleep,
  });
  const queue: DeliveryQueue = {
    ...deliveries,
    enqueue(claimed) {
      progress.arriving(deliveries.size());
      deliveries.enqueue(claimed);
    },
  };
  const puller = createDeliveryPuller({
    store,
    clock,
    logger,
    owner,
    // Alone there is nobody to leave work for: claim it all, as before replicas existed.
    prefetch: deps.prefetch ?? (coordinated ? 4 * concurrencyPerPlatform : Number.POSITIVE_INFINITY),
    catchUpWindowMs,
    queue,
    // Alone, a replica claims everything, so a delivery for a platform it cannot reach is recorded
    // as failed; among replicas, that delivery is left for one that can.
    ...(coordinated ? { platforms: () => [...deps.publishers.keys()] } : {}),
  });

  const retries = createFailedWorkRetries(logger);
  const runSlot = createSlotRunner({
    store,
    clock,
    catchUpWindowMs,
    coordinated,
    retries,
    drop: (cron, timeZone) => scheduler.drop(cron, timeZone),
    pull: () => puller.pull(),
    catchUp: (subscription) => catchUpMissed(recovery, subscription),
  });
  const election = createSlotElection({
    store,
    owner,
    clock,
    logger,
    sleep,
    signal: loops.signal,
    leaseMs,
    coordinated,
    runSlot,
    pull: () => puller.pull(),
  });
  const scheduler = createDigestScheduler(election.runElected, logger, election.scheduling);
  const recovery: RecoveryOptions = {
    store,
    clock,
    logger,
    catchUpWindowMs,
    leaseMs,
    owner,
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

  let started = false;
  // What a channel's `status` shows of a rate-limit wait in force.
  const pacingDelayMs = (target: ChannelRef) => delivery.limiterFor(target.platform).delayFor(target);
  const commands: DigestCommands = {
    ...subscriptionCommands,
    preview: (request) => previewDigest({ store, getLibrary: deps.getLibrary, clock }, request),
    status: ({ channel, lang }) =>
      digestStatus({ store, clock, defaultTimeZone, pacingDelayMs }, requireChannel(channel, lang), lang),
  };

  return {
    commands,
    runSlot,
    fireSlot: election.fire,
    replicaId: owner,
    health: () =>
      progress.health({
        pending: queue.size(),
        pacing: Object.fromEntries(
          [...deps.publishers.keys()].map((platform) => [
            platform,
            delivery.limiterFor(platform).longestHold(),
          ]),
        ),
        stallAfterMs: deps.stallAfterMs ?? DEFAULT_STALL_AFTER_MS,
      }),
    async idle() {
      // Idle means nothing held here and nothing left waiting in the ledger for us to take.
      for (;;) {
        await queue.idle();
        if ((await puller.pull()) === 0 && queue.size() === 0) return;
      }
    },
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
      // A store refusing writes at start-up must not stop the bot: the sweep recovers claims
      // later, and a catch-up or pull that failed is retried once writes succeed again.
      // Alone on a SQLite file, every claim found at start is a previous life's (this process has
      // claimed nothing yet): taken up at once, not after waiting out their lease. Among replicas
      // a claim may be a live one's, so only the lease says it is dead.
      const atStart = coordinated ? recovery : { ...recovery, everyClaimIsStale: true };
      await recoverUnfinished(atStart).catch((error: unknown) =>
        logger.error({ err: error }, 'digest recovery failed at start; the sweep will retry it'),
      );
      for (const s of subscriptions) {
        await guarded(s, () => retries.attempt(`catch-up:${s.id}`, () => catchUpMissed(recovery, s)));
      }
      await retries
        .attempt('pull', () => puller.pull())
        .catch((error: unknown) =>
          logger.error({ err: error }, 'claiming digests failed at start; retrying'),
        );
      startDigestLoops({
        store,
        clock,
        logger,
        sleep,
        signal: loops.signal,
        owner,
        leaseMs,
        catchUpWindowMs,
        coordinated,
        ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
        pull: () => puller.pull(),
        heldIds: () => queue.heldIds(),
        recover: () => recoverUnfinished(recovery),
        retries,
        schedules: () => scheduler.schedules(),
        fireSlot: election.fire,
      });
      logger.info(
        {
          subscriptions: subscriptions.length,
          schedules: scheduler.keys().length,
          replica: owner,
          coordinated,
        },
        'digest scheduler started',
      );
    },
    async stop() {
      loops.abort();
      puller.stop();
      await scheduler.stop();
      await queue.stop(deps.shutdownGraceMs ?? 10_000);
      logger.info('digest scheduler stopped');
    },
  };
}
