import { setMaxListeners } from 'node:events';
import type { Logger, Platform } from '../ports.ts';
import type { DeliveryOutcome } from './deliver-digest.ts';
import type { Sleep } from './sleep.ts';
import type { Delivery } from './store-port.ts';

/** Runs claimed deliveries: a bounded pool per platform, one delivery at a time per channel. */
export interface DeliveryQueue {
  enqueue(delivery: Delivery): void;
  /** Ids being worked on or waiting here: a recovery sweep must leave them alone. */
  has(deliveryId: number): boolean;
  /** The ids queued or running: the only claims this replica renews. */
  heldIds(): number[];
  /** Deliveries queued or running (on one platform): what this replica holds claims on. */
  size(platform?: Platform): number;
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
  /**
   * Stops taking work: queued deliveries are released, running ones are told to stop waiting
   * (they release too) but a publish already under way is let finish, up to `graceMs`.
   */
  stop(graceMs: number): Promise<void>;
}

export interface DeliveryQueueOptions {
  deliver(delivery: Delivery, signal: AbortSignal): Promise<DeliveryOutcome>;
  release(delivery: Delivery): Promise<void>;
  /** A delivery finished one way or another: room for more. */
  onSettled?(): void;
  /** A delivery threw (a store error) and is still claimed here: to be run again later. */
  onCrashed?(delivery: Delivery): void;
  concurrencyPerPlatform: number;
  logger: Logger;
  sleep: Sleep;
}

/**
 * Channels, not deliveries, are the unit of scheduling: a channel with two digests due gets them
 * one after the other, so the second is composed from the cursor the first advanced.
 */
export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const lanes = new Map<string, Delivery[]>();
  const ready = new Map<Platform, string[]>();
  const running = new Map<Platform, number>();
  const busy = new Set<string>();
  const known = new Map<number, Platform>();
  const controller = new AbortController();
  // Every waiting worker listens on the one shutdown signal; more than Node's default ten is normal.
  setMaxListeners(0, controller.signal);
  let idleWaiters: (() => void)[] = [];
  let active = 0;
  let stopped = false;

  const keyOf = (delivery: Delivery) => `${delivery.channel.platform}:${delivery.channel.channelId}`;

  // After stop, leftovers in lanes are released by stop itself; only running work counts.
  const settleIdle = () => {
    if (active > 0 || (lanes.size > 0 && !stopped)) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  const pump = (platform: Platform) => {
    const queue = ready.get(platform) ?? [];
    while (!stopped && (running.get(platform) ?? 0) < options.concurrencyPerPlatform && queue.length > 0) {
      const key = queue.shift() as string;
      busy.add(key);
      running.set(platform, (running.get(platform) ?? 0) + 1);
      active++;
      void runLane(platform, key);
    }
  };

  const runLane = async (platform: Platform, key: string) => {
    const lane = lanes.get(key) ?? [];
    while (lane.length > 0 && !stopped) {
      const delivery = lane.shift() as Delivery;
      try {
        await options.deliver(delivery, controller.signal);
      } catch (error) {
        options.logger.error({ err: error, deliveryId: delivery.id }, 'digest delivery crashed');
        options.onCrashed?.(delivery);
      }
      known.delete(delivery.id);
      options.onSettled?.();
    }
    if (lane.length === 0) lanes.delete(key);
    busy.delete(key);
    running.set(platform, (running.get(platform) ?? 1) - 1);
    active--;
    pump(platform);
    settleIdle();
  };

  return {
    enqueue(delivery) {
      if (stopped) {
        void options.release(delivery);
        return;
      }
      if (known.has(delivery.id)) return;
      known.set(delivery.id, delivery.channel.platform);
      const key = keyOf(delivery);
      const lane = lanes.get(key);
      if (lane) {
        lane.push(delivery);
        return;
      }
      lanes.set(key, [delivery]);
      if (!busy.has(key)) {
        const platform = delivery.channel.platform;
        const queue = ready.get(platform);
        if (queue) queue.push(key);
        else ready.set(platform, [key]);
        pump(platform);
      }
    },
    has: (deliveryId) => known.has(deliveryId),
    heldIds: () => [...known.keys()],
    size(platform) {
      if (!platform) return known.size;
      let count = 0;
      for (const held of known.values()) if (held === platform) count++;
      return count;
    },
    idle() {
      if (active === 0 && lanes.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async stop(graceMs) {
      stopped = true;
      controller.abort(new Error('digest service stopping'));
      const drained = new Promise<void>((resolve) => {
        if (active === 0) resolve();
        else idleWaiters.push(resolve);
      });
      const grace = new AbortController();
      await Promise.race([drained, options.sleep(graceMs, grace.signal).catch(() => {})]);
      grace.abort();
      // Whatever never started goes back to the ledger as released, for the next start.
      for (const [key, lane] of lanes) {
        for (const delivery of lane.splice(0)) await options.release(delivery);
        lanes.delete(key);
      }
    },
  };
}
