import type { Clock, Logger } from '../ports.ts';
import type { SlotHandler } from './digest-scheduler.ts';
import { rerunUnfinishedSlots } from './rerun-unfinished-slots.ts';
import type { FailedWorkRetries } from './retry-failed-work.ts';
import { runPeriodically } from './run-periodically.ts';
import type { Sleep } from './sleep.ts';
import type { Store } from './store-port.ts';

export interface DigestLoopOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  sleep: Sleep;
  /** Aborted on stop: ends every loop. */
  signal: AbortSignal;
  owner: string;
  leaseMs: number;
  catchUpWindowMs: number;
  coordinated: boolean;
  /** How often to look for deliveries other replicas offered or released (default 2 s). */
  pollMs?: number;
  pull(): Promise<unknown>;
  /** The deliveries this process holds in memory (queued or running): the claims it renews. */
  heldIds(): number[];
  /** Takes over claims nobody renewed for a lease. */
  recover(): Promise<void>;
  retries: FailedWorkRetries;
  schedules(): { cron: string; timeZone: string }[];
  fireSlot: SlotHandler;
}

// Finished run slots and pacing are kept a little longer than any catch-up could look back.
const COORDINATION_KEPT_MS = 8 * 86_400_000;
// Work a store failure stopped is tried this often: soon after space is back, cheap while empty.
const RETRY_FAILED_MS = 10_000;

/** The digest service's background loops: claim renewal, polling, recovery, retries. */
export function startDigestLoops(options: DigestLoopOptions): void {
  const { store, clock, coordinated } = options;
  const loopDeps = { sleep: options.sleep, logger: options.logger, signal: options.signal };
  // Every sweep: take over dead replicas' claims, re-run slots an elected replica left unfinished.
  const sweep = async () => {
    await options.recover();
    if (!coordinated) return;
    await rerunUnfinishedSlots({
      schedules: options.schedules(),
      clock,
      catchUpWindowMs: options.catchUpWindowMs,
      store,
      fireSlot: options.fireSlot,
    });
    await store.pruneCoordination(new Date(clock.now().getTime() - COORDINATION_KEPT_MS));
  };
  // Renewing every claim held, queued or waiting out a backoff, is what keeps a live replica's
  // work from being taken over: a third of the lease leaves two renewals' slack. Only those held
  // in memory: a claim whose delivery threw and was forgotten must go stale, so a sweep (this
  // replica's or another's) takes it up rather than it staying claimed, unsent, for ever.
  void runPeriodically(
    'renewing digest claims',
    options.leaseMs / 3,
    () => store.renewClaims(options.owner, clock.now(), options.heldIds()),
    loopDeps,
  );
  // Alone on its store, a replica offers only to itself and pulls right after; with others
  // it must look for what they offered.
  if (coordinated) {
    void runPeriodically('claiming offered digests', options.pollMs ?? 2_000, options.pull, loopDeps);
  }
  void runPeriodically('digest recovery sweep', Math.max(1_000, options.leaseMs / 2), sweep, loopDeps);
  void runPeriodically(
    'retrying digest work a store failure stopped',
    RETRY_FAILED_MS,
    async () => {
      if (options.retries.size() > 0) await options.retries.retry();
    },
    loopDeps,
  );
}
