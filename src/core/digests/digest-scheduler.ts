import { createTask, type ScheduledTask } from 'node-cron';
import type { Logger } from '../ports.ts';

/** One node-cron task per (cron expression, time zone); every subscription on it shares the task. */
export interface DigestScheduler {
  /** Makes sure a task fires for this schedule; cheap when one already does. */
  ensure(cron: string, timeZone: string): void;
  /** Stops and forgets the task for this schedule. */
  drop(cron: string, timeZone: string): void;
  keys(): string[];
  stop(): Promise<void>;
}

/** Called for each slot a task fires (or missed while the event loop was blocked). */
export type SlotHandler = (cron: string, timeZone: string, slot: Date) => Promise<void>;

const keyOf = (cron: string, timeZone: string) => `${timeZone} ${cron}`;

/**
 * Fires `onSlot` at each scheduled time in the schedule's own time zone. Slots of one task run
 * one after another: node-cron's `noOverlap` guards the timer side, and a slot it reports as
 * overlapping or missed is chained behind the running one instead of being lost.
 */
export function createDigestScheduler(onSlot: SlotHandler, logger: Logger): DigestScheduler {
  const tasks = new Map<string, ScheduledTask>();
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
        name: `digest ${key}`,
        noOverlap: true,
        logger: cronLogger,
      });
      const late = (context: { date: Date }) => {
        void run(cron, timeZone, context.date);
      };
      task.on('execution:missed', late);
      task.on('execution:overlap', late);
      tasks.set(key, task);
      void task.start();
    },
    drop(cron, timeZone) {
      const key = keyOf(cron, timeZone);
      const task = tasks.get(key);
      if (!task) return;
      tasks.delete(key);
      void task.destroy();
    },
    keys: () => [...tasks.keys()],
    async stop() {
      for (const task of tasks.values()) await task.destroy();
      tasks.clear();
      await Promise.all(chains.values());
    },
  };
}
