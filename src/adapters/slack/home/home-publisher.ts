import type { Logger } from '../../../core/ports.ts';

/** Publishes one user's Home tab; throws the Web API's error (with `retryAfter` on a 429). */
export type PublishHome = (workspaceId: string, userId: string) => Promise<void>;

export interface HomePublisher {
  /** The user opened the tab: publish for them (soon) and remember them as a recent viewer. */
  opened(workspaceId: string, userId: string): void;
  /** Something the view shows changed: republish for everyone who opened it recently. */
  refreshWorkspace(workspaceId: string): void;
  /** Publish for one user now (a page change), without waiting behind the others. */
  refreshUser(workspaceId: string, userId: string): void;
  /** Resolves when nothing is queued or in flight (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

export interface HomePublisherOptions {
  publish: PublishHome;
  logger: Logger;
  /** Spacing between two publishes in one workspace: `views.publish` allows about 100 a minute. */
  spacingMs?: number;
  /** How long an opening counts as "recent" for refreshes after a change. */
  recentMs?: number;
  /** At most this many recent viewers are refreshed per workspace. */
  recentLimit?: number;
  now?: () => number;
}

/**
 * Queues `views.publish` per workspace: one user is queued at most once however often they open
 * the tab (a burst of openings collapses), publishes are spaced so a workspace stays under
 * Slack's rate, and a 429 pauses that workspace's queue for Slack's Retry-After before going on.
 * A failed publish is logged and dropped: the next opening publishes again.
 */
export function createHomePublisher(options: HomePublisherOptions): HomePublisher {
  const spacingMs = options.spacingMs ?? 700;
  const recentMs = options.recentMs ?? 15 * 60_000;
  const recentLimit = options.recentLimit ?? 200;
  const now = options.now ?? Date.now;
  const queues = new Map<string, Set<string>>();
  const running = new Map<string, Promise<void>>();
  const recent = new Map<string, Map<string, number>>();
  let stopped = false;

  const enqueue = (workspaceId: string, userId: string) => {
    if (stopped) return;
    const queue = queues.get(workspaceId) ?? new Set<string>();
    queues.set(workspaceId, queue);
    queue.add(userId);
    if (!running.has(workspaceId)) {
      const run = drain(workspaceId).finally(() => running.delete(workspaceId));
      running.set(workspaceId, run);
    }
  };

  async function drain(workspaceId: string): Promise<void> {
    const queue = queues.get(workspaceId);
    while (queue && queue.size > 0 && !stopped) {
      const [userId] = queue;
      if (userId === undefined) break;
      queue.delete(userId);
      let pauseMs = spacingMs;
      try {
        await options.publish(workspaceId, userId);
      } catch (error) {
        const retryAfter = retryAfterSeconds(error);
        if (retryAfter !== undefined) {
          // Try this user again after Slack's pause, behind nobody else.
          pauseMs = Math.max(spacingMs, retryAfter * 1000);
          queue.add(userId);
        }
        options.logger.warn(
          { err: error, workspaceId, userId, retryAfter },
          'slack: could not publish the Home tab',
        );
      }
      if (queue.size > 0) await sleep(pauseMs);
    }
  }

  return {
    opened(workspaceId, userId) {
      const viewers = recent.get(workspaceId) ?? new Map<string, number>();
      recent.set(workspaceId, viewers);
      viewers.delete(userId);
      viewers.set(userId, now());
      while (viewers.size > recentLimit) {
        const oldest = viewers.keys().next().value;
        if (oldest === undefined) break;
        viewers.delete(oldest);
      }
      enqueue(workspaceId, userId);
    },
    refreshWorkspace(workspaceId) {
      const viewers = recent.get(workspaceId);
      if (!viewers) return;
      const cutoff = now() - recentMs;
      for (const [userId, openedAt] of viewers) {
        if (openedAt < cutoff) viewers.delete(userId);
        else enqueue(workspaceId, userId);
      }
    },
    refreshUser: enqueue,
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
    stop() {
      stopped = true;
      queues.clear();
    },
  };
}

function retryAfterSeconds(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'retryAfter' in error) {
    const value = (error as { retryAfter: unknown }).retryAfter;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
