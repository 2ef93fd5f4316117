import type { Platform } from '../ports.ts';
import type { Delivery, Subscription } from './store-port.ts';

/** One rate budget shared by every replica: at most `limit` messages in any `windowMs` on `key`. */
export interface PacingBucket {
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * What several digest services (replicas) need from a shared store to split a fan-out between
 * them and never send a digest twice. Part of the Store port; a single SQLite process uses it too,
 * with one replica.
 */
export interface DeliveryCoordination {
  /** True when other processes may share this store (Postgres): runs and pacing then go through it. */
  readonly sharedByReplicas: boolean;

  /**
   * Puts one slot's deliveries in the ledger as `released`, ready for any replica to claim; a
   * slot already in the ledger is left alone. Returns how many rows were new.
   */
  offerDeliveries(subscriptions: readonly Subscription[], scheduledAt: Date, at: Date): Promise<number>;
  /**
   * Claims released deliveries for `owner` (on `platform`, or any), oldest slot first: up to `limit` of them, plus the
   * other released deliveries of their channels, so one replica paces each channel. Rows another
   * replica is claiming at the same moment are skipped, not waited for.
   */
  claimReleasedDeliveries(owner: string, at: Date, limit: number, platform?: Platform): Promise<Delivery[]>;
  /**
   * Renews the lease on the claims among `deliveryIds` that `owner` still holds; returns how many
   * it renewed. Only the ids the replica really works on: a claim it forgot (a delivery that
   * threw) must go stale, so that a sweep takes it up instead of it staying claimed for ever.
   */
  renewClaims(owner: string, at: Date, deliveryIds: readonly number[]): Promise<number>;
  /** Claims nobody renewed since `claimedBefore`: their owner is taken to be dead. */
  listStaleClaims(claimedBefore: Date, limit: number): Promise<Delivery[]>;

  /**
   * node-cron's RunCoordinator: true for exactly one caller per `key`, unless that caller's
   * lease (`ttlMs`) ran out before it marked the run finished; then the next caller takes over.
   */
  acquireRunSlot(key: string, owner: string, at: Date, ttlMs: number): Promise<boolean>;
  finishRunSlot(key: string, owner: string, at: Date): Promise<void>;
  /** Whether a run slot was finished: a sweep re-runs the slots a crash left unfinished. */
  isRunSlotFinished(key: string): Promise<boolean>;

  /**
   * Reserves the earliest send time, no earlier than `at`, that breaks no bucket's sliding
   * window, and counts the message at that time in every bucket. Each bucket is `limit` lanes,
   * each used at most once per window, so replicas reserving at once never oversubscribe it.
   */
  reserveSendTime(buckets: readonly PacingBucket[], at: Date): Promise<Date>;
  /** Forgets run slots and pacing state older than `before`. */
  pruneCoordination(before: Date): Promise<void>;
}

/**
 * A bucket's lanes in the store: `limit` rows, each holding when it may next be used. A message
 * takes the lane free soonest in every bucket it touches; each lane carries one message per
 * window, so no window ever holds more than `limit`.
 */
export function laneKeys(bucket: PacingBucket): string[] {
  return Array.from({ length: bucket.limit }, (_, lane) => `${bucket.key}#${lane}`);
}
