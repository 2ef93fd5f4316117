import { createTask, type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { Logger } from '../ports.ts';

/** One node-cron task per (cron expression, time zone); every subscription on it shares the task. */
export interface DigestScheduler {
  /** Makes sure a task fires for this schedule; cheap when one already does. */
  ensure(cron: string, timeZone: string): void;
  /** Stops and forgets the task for this schedule. */
  drop(cron: string, timeZone: string): void;
  keys(): string[];
  /** The schedules that have a task, as given to `ensure`. */
  schedules(): { cron: string; timeZone: string }[];
  stop(): Promise<void>;
}

/** Called for each slot a task fires (or missed while the event loop was blocked). */
export type SlotHandler = (cron: string, timeZone: string, slot: Date) => Promise<void>;

const keyOf = (cron: string, timeZone: string) => `${timeZone} ${cron}`;
const taskName = (cron: string, timeZone: string) => `digest ${keyOf(cron, timeZone)}`;

/** The key node-cron's distributed mode hands the RunCoordinator for one slot of one schedule. */
export const slotKey = (cron: string, timeZone: string, slot: Date) =>
  `${taskName(cron, timeZone)}:${slot.toISOString()}`;

/** Replicas sharing a store: each slot runs on the one replica the coordinator elects. */
export interface SchedulerCoordination {
  coordinator: RunCoordinator;
  /** How long the elected replica has to finish the slot before another may run it. */
  leaseMs: number;
  /** Another replica was elected for this slot: this one may help once it has been offered. */
  onNotElected(cron: string, timeZone: string, slot: Date): void;
}

/**
 * Fires `onSlot` at each scheduled time in the schedule's own time zone. Slots of one task run
 * one after another: node-cron's `noOverlap` guards the timer side, and a slot it reports as
 * overlapping or missed is chained behind the running one instead of being lost.
 *
 * With `coordination`, tasks run in node-cron's distributed mode: every replica's timer fires, and
 * only the replica the RunCoordinator elects for a slot runs it; a late slot asks it too.
 */
export function createDigestScheduler(
  onSlot: SlotHandler,
  logger: Logger,
  coordination?: SchedulerCoordination,
): DigestScheduler {
  const tasks = new Map<string, ScheduledTask>();
  const scheduled = new Map<string, { cron: string; timeZone: string }>();
  const chains = new Map<string, Promise<void>>();

  const run = (cron: string, timeZone: string, slot: Date) => {
    const key = keyOf(cron, timeZone);
    const next = (chains.get(key) ?? Promise.resolve())
      .then(() => onSlot(cron, timeZone, slot))
      .catch((error: unknown) => {
        logger.error({ err: error, cron, timeZone, slot }, 'digest slot failed');
      });
    chains.set(key, next);
    return next;
  };

  const cronLogger = {
    info: (message: string) => logger.debug({ cron: true }, message),
    warn: (message: string) => logger.warn({ cron: true }, message),
    error: (message: string | Error, err?: Error) => logger.error({ err: err ?? message }, 'node-cron error'),
    debug: (message: string | Error) => logger.debug({ cron: true }, String(message)),
  };

  return {
    ensure(cron, timeZone) {
      const key = keyOf(cron, timeZone);
      if (tasks.has(key)) return;
      const task = createTask(cron, (context) => run(cron, timeZone, context.date), {
        timezone: timeZone,
        name: taskName(cron, timeZone),
        noOverlap: true,
        logger: cronLogger,
        ...(coordination
          ? {
              distributed: true,
              runCoordinator: coordination.coordinator,
              distributedLease: coordination.leaseMs,
            }
          : {}),
      });
      const late = async (context: { date: Date }) => {
        const slot = context.date;
        try {
          const elected =
            !coordination ||
            (await coordination.coordinator.shouldRun(slotKey(cron, timeZone, slot), coordination.leaseMs));
          if (elected) await run(cron, timeZone, slot);
          else coordination?.onNotElected(cron, timeZone, slot);
        } catch (error) {
          logger.error({ err: error, cron, timeZone, slot }, 'late digest slot could not be coordinated');
        }
      };
      task.on('execution:skipped', (context: { date: Date; reason?: string }) => {
        if (context.reason === 'not-elected') coordination?.onNotElected(cron, timeZone, context.date);
      });
      task.on('execution:missed', late);
      task.on('execution:overlap', late);
      tasks.set(key, task);
      scheduled.set(key, { cron, timeZone });
      void task.start();
    },
    drop(cron, timeZone) {
      const key = keyOf(cron, timeZone);
      const task = tasks.get(key);
      if (!task) return;
      tasks.delete(key);
      scheduled.delete(key);
      void task.destroy();
    },
    keys: () => [...tasks.keys()],
    schedules: () => [...scheduled.values()],
    async stop() {
      for (const task of tasks.values()) await task.destroy();
      tasks.clear();
      scheduled.clear();
      await Promise.all(chains.values());
    },
  };
}
