import type { Clock } from '../ports.ts';
import { slotKey } from './digest-scheduler.ts';
import { runsBetween } from './next-runs.ts';
import { parseStoredSchedule } from './schedule.ts';
import type { Store } from './store-port.ts';

/**
 * The latest slot of each schedule, if it is inside the catch-up window and no replica finished
 * offering it: the elected replica died half-way, or every replica's coordinator call failed
 * (node-cron then skips the run). `fireSlot` elects again, so of the replicas sweeping at once
 * only one runs it, and only once the first one's lease has run out.
 */
export async function rerunUnfinishedSlots(options: {
  schedules: { cron: string; timeZone: string }[];
  clock: Clock;
  catchUpWindowMs: number;
  store: Pick<Store, 'isRunSlotFinished'>;
  fireSlot(cron: string, timeZone: string, slot: Date): Promise<void>;
}): Promise<void> {
  const now = options.clock.now();
  const windowStart = new Date(now.getTime() - options.catchUpWindowMs);
  for (const { cron, timeZone } of options.schedules) {
    const parsed = parseStoredSchedule(`cron "${cron}"`);
    if (!parsed.ok) continue;
    const slot = runsBetween(parsed.schedule.fields, timeZone, windowStart, now, 1).runs.at(-1);
    if (!slot || (await options.store.isRunSlotFinished(slotKey(cron, timeZone, slot)))) continue;
    await options.fireSlot(cron, timeZone, slot);
  }
}
