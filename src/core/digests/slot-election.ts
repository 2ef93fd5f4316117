import type { Clock, Logger } from '../ports.ts';
import { type SchedulerCoordination, type SlotHandler, slotKey } from './digest-scheduler.ts';
import type { Sleep } from './sleep.ts';
import type { Store } from './store-port.ts';

/** Which replica runs a slot, when several share the store; alone, it simply runs. */
export interface SlotElection {
  /** Runs a slot this replica was elected for, then ends the election as finished. */
  runElected: SlotHandler;
  /** What a node-cron tick does: elect, then run (or help once the elected one offered it). */
  fire: SlotHandler;
  /** node-cron's distributed mode for the scheduler, or nothing when alone. */
  scheduling: SchedulerCoordination | undefined;
}

export interface SlotElectionOptions {
  store: Store;
  owner: string;
  clock: Clock;
  logger: Logger;
  sleep: Sleep;
  /** Aborted on stop: ends any wait for an offer. */
  signal: AbortSignal;
  leaseMs: number;
  coordinated: boolean;
  /** Offers a slot's deliveries and starts sending them. */
  runSlot: SlotHandler;
  /** Claims offered deliveries into this replica's queue. */
  pull(): Promise<unknown>;
}

const OFFER_CHECK_MS = 250;

export function createSlotElection(options: SlotElectionOptions): SlotElection {
  const { store, owner, clock } = options;

  // The election's lease ends when the slot is offered, and only then: a replica that dies
  // half-way leaves it unfinished for rerunUnfinishedSlots to run again (offers are idempotent).
  const runElected: SlotHandler = async (cron, timeZone, slot) => {
    await options.runSlot(cron, timeZone, slot);
    if (options.coordinated) await store.finishRunSlot(slotKey(cron, timeZone, slot), owner, clock.now());
  };

  // Not elected: wait until the elected replica has offered the slot, then help send it, rather
  // than leave the first seconds of the fan-out to it alone until the next poll.
  const helpOnceOffered = async (cron: string, timeZone: string, slot: Date) => {
    const key = slotKey(cron, timeZone, slot);
    for (let waited = 0; waited < options.leaseMs && !options.signal.aborted; waited += OFFER_CHECK_MS) {
      if (await store.isRunSlotFinished(key)) {
        await options.pull();
        return;
      }
      await options.sleep(OFFER_CHECK_MS, options.signal);
    }
  };
  const onNotElected = (cron: string, timeZone: string, slot: Date) => {
    helpOnceOffered(cron, timeZone, slot).catch((error: unknown) => {
      if (!options.signal.aborted) {
        options.logger.error({ err: error }, 'waiting for an offered digest slot failed');
      }
    });
  };

  return {
    runElected,
    async fire(cron, timeZone, slot) {
      const key = slotKey(cron, timeZone, slot);
      if (options.coordinated && !(await store.acquireRunSlot(key, owner, clock.now(), options.leaseMs))) {
        onNotElected(cron, timeZone, slot);
        return;
      }
      await runElected(cron, timeZone, slot);
    },
    scheduling: options.coordinated
      ? {
          coordinator: { shouldRun: (key, ttlMs) => store.acquireRunSlot(key, owner, clock.now(), ttlMs) },
          leaseMs: options.leaseMs,
          onNotElected,
        }
      : undefined,
  };
}
