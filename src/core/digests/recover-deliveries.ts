import type { Clock, Logger } from '../ports.ts';
import { runsBetween } from './next-runs.ts';
import { parseStoredSchedule } from './schedule.ts';
import type { Delivery, Store, Subscription } from './store-port.ts';

/** What recovery needs to decide, for each unfinished or missed slot, whether to send it. */
export interface RecoveryOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** A slot later than this is recorded as skipped instead of being sent late. */
  catchUpWindowMs: number;
  /** A claim not renewed for this long belongs to a process that died. */
  leaseMs: number;
  /**
   * Every claim not in flight here counts as stale, however recently it was renewed: a single
   * process starting on its own file, whose previous life is certainly gone.
   */
  everyClaimIsStale?: boolean;
  /** This replica: who takes over the claims it recovers. */
  owner: string;
  /** Deliveries this process is working on: never taken over. */
  isInFlight(deliveryId: number): boolean;
  enqueue(delivery: Delivery): void;
}

// Slots older than a week are certainly beyond any sensible catch-up window: only counted.
const MISSED_LOOKBACK_MS = 7 * 86_400_000;
const MAX_MISSED_RECORDED = 200;
// Stale claims are read a page at a time rather than in one huge read.
const STALE_PAGE = 1_000;

/**
 * Takes over the claims of replicas that died: claims nobody renewed for a lease. (Released
 * deliveries, from a graceful shutdown or offered by a slot, are claimed by the puller instead.)
 *
 * Trade-off: a claim whose publish was attempted but never confirmed is ambiguous — the platform
 * may or may not have posted it. We resend it once (at-least-once) rather than drop it
 * (at-most-once), because a lost digest is silent while a duplicate is visible, and the window in
 * which a duplicate can arise is the few milliseconds between the platform's answer and our
 * commit. A second crash on the same delivery records it as unconfirmed (probably sent) instead
 * of trying again, and advances the cursor as a send would, so the worst case is one duplicate. A claim with no attempt recorded was never sent and is simply
 * sent. See docs/decisions/0011-digest-delivery-guarantee.md.
 */
export async function recoverUnfinished(options: RecoveryOptions): Promise<void> {
  // A handled claim stops being stale, so the next page holds new ones; a page of nothing but
  // this replica's own in-flight claims ends the loop.
  for (;;) {
    const now = options.clock.now();
    const claimedBefore = options.everyClaimIsStale ? now.getTime() + 1 : now.getTime() - options.leaseMs;
    const stale = await options.store.listStaleClaims(new Date(claimedBefore), STALE_PAGE);
    let handled = 0;
    for (const delivery of stale) {
      if (options.isInFlight(delivery.id)) continue;
      await recoverStaleClaim(options, delivery, now);
      handled++;
    }
    if (stale.length < STALE_PAGE || handled === 0) return;
  }
}

/** Fails a claim found unconfirmed a second time; otherwise takes it over and sends it (or skips it, too late). */
async function recoverStaleClaim(options: RecoveryOptions, delivery: Delivery, now: Date): Promise<void> {
  const { store } = options;
  const late = now.getTime() - delivery.scheduledAt.getTime() > options.catchUpWindowMs;
  const claimedAt = delivery.claimedAt ?? delivery.updatedAt;
  // The dead owner's last attempt may have landed; with an earlier one that may have, or an
  // earlier takeover, resending could make a third copy.
  if (delivery.attempts > 0 && (delivery.maybeSent > 0 || delivery.recoveries > 0)) {
    // It probably went out: recorded as such, and the cursor moves past it, so the next digest
    // does not repeat its items.
    await store.settleUnconfirmed(
      delivery.id,
      now,
      `attempted ${delivery.attempts} times across restarts; not resent to avoid a duplicate`,
    );
    options.logger.warn(
      { deliveryId: delivery.id, channel: delivery.channel, attempts: delivery.attempts },
      'digest probably sent but never confirmed; recorded as unconfirmed and not resent',
    );
    return;
  }
  const lastAttemptMaybeSent = delivery.attempts > 0;
  if (!(await store.recoverClaim(delivery.id, claimedAt, now, options.owner, lastAttemptMaybeSent))) return;
  if (late) await skipLate(options, delivery);
  else
    options.enqueue({
      ...delivery,
      claimedAt: now,
      owner: options.owner,
      recoveries: delivery.recoveries + 1,
      maybeSent: delivery.maybeSent + (lastAttemptMaybeSent ? 1 : 0),
    });
}

/**
 * A delivery whose run threw (the store refused a write before anything was published) and that
 * this replica still holds: sent again, or recorded as skipped once it is too late to be useful.
 */
export async function resumeCrashed(options: RecoveryOptions, delivery: Delivery): Promise<void> {
  if (options.isInFlight(delivery.id)) return;
  const late = options.clock.now().getTime() - delivery.scheduledAt.getTime() > options.catchUpWindowMs;
  if (late) await skipLate(options, delivery);
  else options.enqueue(delivery);
}

async function skipLate(options: RecoveryOptions, delivery: Delivery) {
  await options.store.finishDelivery(delivery.id, {
    state: 'skipped',
    reason: 'missed_beyond_window',
    at: options.clock.now(),
    owner: options.owner,
  });
}

/**
 * Slots that passed while nothing was running (no ledger row at all). The newest one inside the
 * catch-up window is sent, once; older ones inside it are recorded as superseded, since a digest
 * covers everything since the last one; anything older is recorded as skipped.
 */
export async function catchUpMissed(options: RecoveryOptions, subscription: Subscription): Promise<void> {
  const { store, clock, logger } = options;
  const parsed = parseStoredSchedule(subscription.schedule);
  if (!parsed.ok) {
    logger.error(
      { subscriptionId: subscription.id, schedule: subscription.schedule },
      'stored schedule unreadable',
    );
    return;
  }
  const now = clock.now();
  const latest = (await store.latestScheduledAt(subscription.id))?.getTime() ?? 0;
  const earliest = now.getTime() - MISSED_LOOKBACK_MS;
  const after = new Date(Math.max(subscription.createdAt.getTime(), latest, earliest));
  const { runs, dropped } = runsBetween(
    parsed.schedule.fields,
    subscription.timeZone,
    after,
    now,
    MAX_MISSED_RECORDED,
  );
  if (dropped > 0 || (latest < earliest && subscription.createdAt.getTime() < earliest)) {
    logger.warn(
      {
        subscriptionId: subscription.id,
        since: new Date(Math.max(latest, subscription.createdAt.getTime())),
      },
      'digests were missed for more than a week; only the last week is itemised in the ledger',
    );
  }
  const inWindow = runs.filter((run) => now.getTime() - run.getTime() <= options.catchUpWindowMs);
  const newest = inWindow.at(-1);
  for (const run of runs) {
    if (run === newest) continue;
    const reason = inWindow.includes(run) ? 'superseded' : 'missed_beyond_window';
    await store.recordSkipped(
      subscription,
      run,
      reason,
      now,
      newest && reason === 'superseded' ? newest.toISOString() : undefined,
    );
  }
  if (!newest) return;
  const claimed = await store.claimDelivery(subscription, newest, now, options.owner);
  if (claimed) options.enqueue(claimed);
}
