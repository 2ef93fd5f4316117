import type { Clock, Logger, Platform } from '../ports.ts';
import type { Delivery, Store } from './store-port.ts';

/** Takes released deliveries from the ledger into this replica's queue, as far as it has room. */
export interface DeliveryPuller {
  /** Claims what is waiting (now, or after the pull under way), up to the room left; returns how many. */
  pull(): Promise<number>;
  /** A delivery settled: pulls again once half the room is free and more may be waiting. */
  settled(): void;
  stop(): void;
}

export interface DeliveryPullerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  owner: string;
  /** Most deliveries this replica claims ahead of sending them: the rest stay for other replicas. */
  prefetch: number;
  catchUpWindowMs: number;
  queue: { enqueue(delivery: Delivery): void; size(platform?: Platform): number };
  /** The platforms this replica can send to, pulled separately; all of them, together, if absent. */
  platforms?(): Platform[];
}

const MAX_BATCH = 200;

/**
 * The ledger is the work queue: a slot's deliveries are offered as `released` rows and every
 * replica claims them in batches (SKIP LOCKED on Postgres), so a fan-out spreads over the replicas
 * that have room and a replica that dies holds only its prefetch, not the whole slot.
 */
export function createDeliveryPuller(options: DeliveryPullerOptions): DeliveryPuller {
  const { store, clock, queue } = options;
  let more = true;
  let stopped = false;
  let running: Promise<number> | undefined;

  const skipLate = async (delivery: Delivery) => {
    await store.finishDelivery(delivery.id, {
      state: 'skipped',
      reason: 'missed_beyond_window',
      at: clock.now(),
      owner: options.owner,
    });
  };

  // Room is counted per platform: each has its own rate budget, so a slot's Slack deliveries
  // waiting for their workspace windows must not keep its Discord ones from being claimed.
  const drainPlatform = async (platform: Platform | undefined) => {
    let total = 0;
    let full = false;
    for (;;) {
      const room = options.prefetch - queue.size(platform);
      if (room <= 0 || stopped) return { total, full: true };
      const limit = Math.min(room, MAX_BATCH);
      const now = clock.now();
      const batch = await store.claimReleasedDeliveries(options.owner, now, limit, platform);
      for (const delivery of batch) {
        if (now.getTime() - delivery.scheduledAt.getTime() > options.catchUpWindowMs)
          await skipLate(delivery);
        else queue.enqueue(delivery);
      }
      total += batch.length;
      full = batch.length >= limit;
      if (!full) return { total, full };
    }
  };

  const drain = async () => {
    let total = 0;
    let anyFull = false;
    for (const platform of options.platforms?.() ?? [undefined]) {
      const result = await drainPlatform(platform);
      total += result.total;
      anyFull ||= result.full;
    }
    more = anyFull;
    return total;
  };

  // A pull asked for while one runs (an offer landed meanwhile) makes that one go round again.
  let again = false;
  const pull = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        more = true;
        total += await drain();
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    pull,
    settled() {
      if (!more || stopped || running) return;
      const platforms = options.platforms?.() ?? [undefined];
      if (platforms.every((platform) => queue.size(platform) > options.prefetch / 2)) return;
      pull().catch((error: unknown) =>
        options.logger.error({ err: error }, 'claiming digest deliveries failed'),
      );
    },
    stop() {
      stopped = true;
    },
  };
}
