import type { BriefingLibrary } from '../briefings/briefing.ts';
import type { Clock, Logger, Platform, Publisher } from '../ports.ts';
import type { DigestCommands } from './digest-commands.ts';
import type { DigestHealth } from './digest-health.ts';
import type { RateLimitRule } from './rate-limiter.ts';
import type { RetryPolicy } from './retry-policy.ts';
import type { Sleep } from './sleep.ts';
import type { Store } from './store-port.ts';

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
  /** Who this replica is in the ledger's claims (random by default; unique per process). */
  replicaId?: string;
  /** How often to look for deliveries other replicas offered or released (default 2 s). */
  pollMs?: number;
  /** Most deliveries claimed ahead of sending them, per platform (among replicas, 4 × concurrencyPerPlatform; alone, all). */
  prefetch?: number;
  /** Held deliveries with none settling for this long make `health()` report down (default 5 min). */
  stallAfterMs?: number;
}

/** The digest feature: the commands the core calls, and the scheduler's lifecycle. */
export interface DigestService {
  commands: DigestCommands;
  /** Schedules every enabled subscription, then finishes and catches up what a restart left. */
  start(): Promise<void>;
  /** Stops scheduling; lets publishes under way finish, releases the rest for the next start. */
  stop(): Promise<void>;
  /** Offers one slot of one schedule to the replicas and starts sending it, without an election. */
  runSlot(cron: string, timeZone: string, slot: Date): Promise<void>;
  /** What a node-cron tick does: when replicas share the store, only the elected one runs the slot. */
  fireSlot(cron: string, timeZone: string, slot: Date): Promise<void>;
  /** This replica's id in the ledger. */
  readonly replicaId: string;
  /** Resolves when no delivery is queued or running. */
  idle(): Promise<void>;
  /** Whether due digests are moving, and any rate-limit wait in force: the digests' line in /healthz. */
  health(): DigestHealth;
}
