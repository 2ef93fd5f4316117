import type { BriefingLibrary } from '../briefings/briefing.ts';
import { type Clock, DeliveryError, type Logger, type Platform, type Publisher } from '../ports.ts';
import { composeDigest } from './compose-digest.ts';
import { deliveryIdempotencyKey, isIdempotentPublisher } from './idempotent-publisher.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { type RetryPolicy, retryDelay } from './retry-policy.ts';
import type { Sleep } from './sleep.ts';
import type { Delivery, DeliveryReason, Store } from './store-port.ts';

/** What sending one digest needs. */
export interface DeliveryDependencies {
  store: Store;
  getLibrary: () => BriefingLibrary;
  clock: Clock;
  logger: Logger;
  publishers: ReadonlyMap<Platform, Publisher>;
  limiterFor(platform: Platform): RateLimiter;
  sleep: Sleep;
  retry: RetryPolicy;
  random: () => number;
  /** This replica: the claim must still be its own when a publish starts. */
  owner: string;
  /** Keeps a store write that failed, to be run again once writes succeed. */
  retryLater?(key: string, write: () => Promise<unknown>): void;
}

/**
 * How a delivery ended; `released` means handed back for any replica (shutdown), `lost` that
 * another replica took the claim over (this one missed its lease) and it is that one's to send,
 * `unrecorded` that the platform took the digest but the store could not record it (the claim
 * stays, and recovery settles it after a restart).
 */
export type DeliveryOutcome =
  | 'sent'
  | 'failed'
  | 'skipped'
  | 'released'
  | 'lost'
  | 'unrecorded'
  | 'unconfirmed';

/**
 * Sends one claimed delivery: composes the digest from the channel's cursor at send time, paces
 * it through the platform's limiter, retries transient failures and 429s, and records exactly one
 * final state. The attempt is written to the ledger before the platform is called, so a crash
 * mid-call leaves evidence that the message may have gone out.
 */
export async function deliverDigest(
  delivery: Delivery,
  deps: DeliveryDependencies,
  signal: AbortSignal,
): Promise<DeliveryOutcome> {
  const { store, clock } = deps;
  const stored = <T>(what: string, call: () => Promise<T>) =>
    retryStoreCall(deps, delivery, what, call, signal);
  const finish = async (
    state: 'failed' | 'skipped',
    reason: DeliveryReason,
    detail?: string,
  ): Promise<DeliveryOutcome> => {
    const recorded = await stored('finishDelivery', () =>
      store.finishDelivery(delivery.id, {
        state,
        reason,
        at: clock.now(),
        owner: deps.owner,
        ...(detail ? { detail } : {}),
      }),
    );
    // Another replica took the claim over meanwhile (or sent it): its outcome stands, not ours.
    if (!recorded) return 'lost';
    deps.logger[state === 'failed' ? 'warn' : 'info'](
      { deliveryId: delivery.id, channel: delivery.channel, reason, detail },
      `digest ${state}`,
    );
    return state;
  };
  // On shutdown: tried once, since the signal ends any wait; if the store refuses, the claim is
  // left unrenewed and the next start (or a sweep) takes it up.
  const release = async (): Promise<DeliveryOutcome> => {
    await stored('releaseDelivery', () => store.releaseDelivery(delivery.id, clock.now(), deps.owner));
    return 'released';
  };

  const subscription = await stored('getSubscription', () => store.getSubscription(delivery.subscriptionId));
  if (!subscription) return finish('skipped', 'unsubscribed');
  if (!subscription.enabled) return finish('skipped', subscription.disabledReason ?? 'channel_gone');
  const publisher = deps.publishers.get(delivery.channel.platform);
  if (!publisher)
    return finish('failed', 'no_publisher', `no ${delivery.channel.platform} adapter is running`);
  const limiter = deps.limiterFor(delivery.channel.platform);

  // Two publishes that may have landed, by whoever made them: a third could make a third copy.
  const settleMaybeSentTwice = async (detail: string): Promise<DeliveryOutcome> => {
    await stored('settleUnconfirmed', () =>
      store.settleUnconfirmed(delivery.id, clock.now(), detail, 'maybe_sent_twice'),
    );
    deps.logger.warn(
      { deliveryId: delivery.id, channel: delivery.channel, detail },
      'digest may have been posted twice already; recorded as unconfirmed and not sent again',
    );
    return 'unconfirmed';
  };
  if (delivery.maybeSent >= 2) return settleMaybeSentTwice('two earlier publishes may have landed');

  let transientFailures = 0;
  let rateLimited = 0;
  for (;;) {
    if (signal.aborted) return release();
    try {
      await limiter.acquire(delivery.channel, signal);
    } catch {
      return release();
    }
    const [cursor, channelLanguage] = await stored('getDigestCursor', () =>
      Promise.all([store.getDigestCursor(delivery.channel), store.getLanguage(delivery.channel)]),
    );
    const digest = composeDigest({
      library: deps.getLibrary(),
      topics: subscription.topics,
      cursor,
      now: clock.now(),
      lang: channelLanguage ?? subscription.lang,
      visibility: 'public',
    });
    const pending = { summary: digest.summary, advance: digest.advance, topics: digest.topics };
    const recorded = await stored('recordAttempt', () =>
      store.recordAttempt(delivery.id, clock.now(), deps.owner, pending),
    );
    if (!recorded) {
      deps.logger.warn(
        { deliveryId: delivery.id, channel: delivery.channel },
        'digest claim was taken over by another replica; not sending it from here',
      );
      return 'lost';
    }

    let failure: DeliveryError;
    try {
      const { messageId } = isIdempotentPublisher(publisher)
        ? await publisher.publishOnce(delivery.channel, digest.reply, deliveryIdempotencyKey(delivery))
        : await publisher.publish(delivery.channel, digest.reply);
      // Outside the catch: a failed confirm must never lead to publishing the digest again.
      await confirm(deps, delivery, messageId, digest);
      return 'sent';
    } catch (error) {
      // Already logged once, with what it means; the claim stays for recovery to settle.
      if (error instanceof ConfirmError) return 'unrecorded';
      failure =
        error instanceof DeliveryError
          ? error
          : new DeliveryError('transient', String((error as Error)?.message));
    }

    if (failure.kind === 'gone') {
      await stored('disableChannel', () =>
        store.disableChannel(delivery.channel, 'channel_gone', failure.message, clock.now()),
      );
      return finish('failed', 'channel_gone', failure.message);
    }
    if (failure.kind === 'permanent') return finish('failed', 'permanent_error', failure.message);
    if (failure.kind === 'ambiguous') {
      // Recorded before any resend, so the count holds across a release, a restart or a takeover.
      const maybeSent = await stored('recordMaybeSent', () =>
        store.recordMaybeSent(delivery.id, clock.now(), deps.owner),
      );
      if (maybeSent === undefined) return 'lost';
      if (maybeSent >= 2) return settleMaybeSentTwice(failure.message);
    }
    if (failure.kind === 'rate_limited') {
      if (++rateLimited > deps.retry.maxRateLimited)
        return finish('failed', 'retries_exhausted', failure.message);
    } else if (++transientFailures >= deps.retry.maxAttempts) {
      return finish('failed', 'retries_exhausted', failure.message);
    }
    const delay = retryDelay(deps.retry, transientFailures || rateLimited, failure, deps.random);
    if (failure.kind === 'rate_limited') {
      limiter.penalize(delivery.channel, delay, failure.rateLimitScope);
      // Once per delivery: a storm over a large fan-out would otherwise log a line per retry.
      if (rateLimited === 1 && (failure.retryAfterMs ?? 0) > delay)
        deps.logger.warn(
          { deliveryId: delivery.id, retryAfterMs: failure.retryAfterMs, waitingMs: delay },
          'digest: the platform asked for a longer wait than we honour; retrying sooner',
        );
    }
    deps.logger.debug({ deliveryId: delivery.id, kind: failure.kind, delay }, 'digest retry scheduled');
    try {
      await deps.sleep(delay, signal);
    } catch {
      return release();
    }
  }
}

class ConfirmError extends Error {}

// A store error (a failover, a pool timeout, SQLITE_BUSY) is nearly always over in seconds: the
// delivery waits it out here rather than dropping out of the queue. Past these tries it throws,
// the queue hands it to the retries of failed work, and the claim, renewed no longer, goes stale
// for a sweep to take up.
const STORE_TRIES = 4;
const STORE_RETRY_BASE_MS = 500;

async function retryStoreCall<T>(
  deps: DeliveryDependencies,
  delivery: Delivery,
  what: string,
  call: () => Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= STORE_TRIES || signal.aborted) throw error;
      const delay = STORE_RETRY_BASE_MS * 2 ** (attempt - 1) * (0.5 + deps.random() / 2);
      deps.logger.warn(
        { err: error, deliveryId: delivery.id, attempt, delay },
        `digest: the store refused ${what}; trying again`,
      );
      await deps.sleep(delay, signal).catch(() => {
        throw error;
      });
    }
  }
}

async function confirm(
  deps: DeliveryDependencies,
  delivery: Delivery,
  messageId: string,
  digest: ReturnType<typeof composeDigest>,
) {
  const result = {
    sentAt: deps.clock.now(),
    messageId,
    summary: digest.summary,
    advance: digest.advance,
    topics: digest.topics,
  };
  try {
    await deps.store.confirmDelivery(delivery.id, result);
  } catch (error) {
    deps.logger.error(
      { err: error, deliveryId: delivery.id, messageId },
      'digest sent but not recorded; a restart may send it once more',
    );
    // Recorded once the store takes writes again: then no restart resends it.
    deps.retryLater?.(`confirm:${delivery.id}`, () => deps.store.confirmDelivery(delivery.id, result));
    throw new ConfirmError('confirm failed', { cause: error });
  }
}
