import type { Clock } from '../ports.ts';
import type { SlotHandler } from './digest-scheduler.ts';
import type { FailedWorkRetries } from './retry-failed-work.ts';
import type { Store, Subscription } from './store-port.ts';

export interface SlotRunnerOptions {
  store: Store;
  clock: Clock;
  catchUpWindowMs: number;
  coordinated: boolean;
  retries: FailedWorkRetries;
  /** The schedule has no subscription left: its node-cron task can go. */
  drop(cron: string, timeZone: string): void;
  /** Claims offered deliveries into this replica's queue. */
  pull(): Promise<unknown>;
  /** Catches one subscription up on the slots it missed, as a start does. */
  catchUp(subscription: Subscription): Promise<void>;
}

/**
 * Runs one slot of one schedule: offers its deliveries (or records them as skipped when the
 * slot is beyond the catch-up window) and starts sending them.
 */
export function createSlotRunner(options: SlotRunnerOptions): SlotHandler {
  const { store, clock } = options;
  const offerSlot: SlotHandler = async (cron, timeZone, slot) => {
    const now = clock.now();
    const subscriptions = await store.listEnabledSubscriptions({ cron, timeZone });
    if (subscriptions.length === 0) options.drop(cron, timeZone);
    // Made after the slot: not due. Made "after now": the wall clock stepped back since, so it
    // was made before this slot really came round and is due.
    const due = subscriptions.filter((s) => s.createdAt < slot || s.createdAt > now);
    if (now.getTime() - slot.getTime() > options.catchUpWindowMs) {
      for (const subscription of due)
        await store.recordSkipped(subscription, slot, 'missed_beyond_window', now);
      return;
    }
    await store.offerDeliveries(due, slot, now);
    await options.pull();
  };
  // Alone, nobody else re-runs a slot the store refused (among replicas rerunUnfinishedSlots
  // does). Once writes succeed its schedule is caught up as a restart would: the newest missed
  // slot is sent, older ones recorded as superseded, so a long outage ends in one digest, not many.
  const catchUpSchedule = async (cron: string, timeZone: string) => {
    for (const s of await store.listEnabledSubscriptions({ cron, timeZone })) await options.catchUp(s);
    await options.pull();
  };
  return async (cron, timeZone, slot) => {
    if (options.coordinated) return offerSlot(cron, timeZone, slot);
    try {
      await offerSlot(cron, timeZone, slot);
    } catch (error) {
      options.retries.remember(`schedule:${timeZone} ${cron}`, () => catchUpSchedule(cron, timeZone));
      throw error;
    }
  };
}
