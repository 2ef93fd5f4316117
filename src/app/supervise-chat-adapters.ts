import { setTimeout as sleep } from 'node:timers/promises';
import { AdapterStartError } from '../adapters/adapter-start-error.ts';
import type { Logger } from '../core/ports.ts';
import { StartupError } from '../startup-error.ts';
import type { HealthRoutes } from './health-routes.ts';
import type { AdapterStarter, RunningAdapter } from './start-chat-adapters.ts';

/** How long to wait between attempts: doubling from `initialMs` up to `maxMs`. */
export interface AdapterBackoff {
  initialMs: number;
  maxMs: number;
}

// A reboot's network blip is over in seconds; a longer outage is retried every five minutes.
export const DEFAULT_ADAPTER_BACKOFF: AdapterBackoff = { initialMs: 1000, maxMs: 300_000 };

export interface AdapterSupervisor {
  /** Resolves once every adapter has been tried once; rejects with a StartupError (a taken port). */
  readonly firstAttempts: Promise<void>;
  running(): RunningAdapter[];
  /** Adapters waiting for their next attempt. */
  retrying(): RunningAdapter['platform'][];
  /** Cancels the retries and stops the adapters that run. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  starters: AdapterStarter[];
  logger: Logger;
  health: HealthRoutes;
  /** Called for each adapter that comes up, at the first attempt or a later one. */
  onStarted(adapter: RunningAdapter): void;
  backoff?: AdapterBackoff;
  /** Around each retry (not the first attempt): Slack in HTTP mode needs the port to itself. */
  beforeRetry?(platform: RunningAdapter['platform']): Promise<void>;
  afterFailedRetry?(platform: RunningAdapter['platform']): Promise<void>;
}

/**
 * Starts each adapter and keeps trying, with backoff, those that failed for a reason that may
 * pass (the platform unreachable during a reboot), so a blip never costs a platform until a person
 * restarts the process. A refused token is reported once and not retried: trying again cannot fix
 * it and would only hammer the platform. Each state shows on /healthz and in the logs.
 */
export function superviseChatAdapters(options: SuperviseOptions): AdapterSupervisor {
  const { logger, health } = options;
  const backoff = options.backoff ?? DEFAULT_ADAPTER_BACKOFF;
  const running: RunningAdapter[] = [];
  const waiting = new Set<RunningAdapter['platform']>();
  const cancel = new AbortController();
  const loops: Array<Promise<void>> = [];

  const keepTrying = async ([platform, start]: AdapterStarter, firstTried: () => void) => {
    for (let attempt = 1; !cancel.signal.aborted; attempt++) {
      try {
        if (attempt > 1) await options.beforeRetry?.(platform);
        const adapter = await start();
        waiting.delete(platform);
        if (cancel.signal.aborted) {
          await adapter.stop();
          return;
        }
        running.push(adapter);
        health.setState(platform, { status: 'up' });
        options.onStarted(adapter);
        logger.info({ platform, attempt }, `${platform} adapter started`);
        firstTried();
        return;
      } catch (error) {
        // At the first attempt the port is known to be taken by someone else: stop start-up.
        if (attempt === 1 && error instanceof StartupError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        if (error instanceof AdapterStartError && error.permanent) {
          waiting.delete(platform);
          health.setState(platform, { status: 'down', detail: reason });
          logger.error({ platform, err: error }, `${platform} adapter failed to start: ${reason}`);
          firstTried();
          return;
        }
        const delayMs = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (attempt - 1));
        const seconds = Math.max(1, Math.round(delayMs / 1000));
        waiting.add(platform);
        health.setState(platform, {
          status: 'down',
          detail: `${reason}; attempt ${attempt} failed, retrying in ${seconds} s`,
        });
        logger.warn(
          { platform, attempt, retryInMs: delayMs, err: error },
          `${platform} adapter failed to start: ${reason}; retrying in ${seconds} s`,
        );
        if (attempt > 1)
          await options
            .afterFailedRetry?.(platform)
            ?.catch((hookError: unknown) =>
              logger.warn({ platform, err: hookError }, 'could not prepare for the next adapter attempt'),
            );
        firstTried();
        await sleep(delayMs, undefined, { signal: cancel.signal }).catch(() => {});
      }
    }
  };

  const firstAttempts = Promise.all(
    options.starters.map(
      (starter) =>
        new Promise<void>((resolve, reject) => {
          const [platform] = starter;
          health.setState(platform, { status: 'starting' });
          loops.push(keepTrying(starter, resolve).catch(reject));
        }),
    ),
  ).then(() => undefined);

  return {
    firstAttempts,
    running: () => [...running],
    retrying: () => [...waiting],
    stop: async () => {
      cancel.abort();
      await Promise.allSettled(loops);
      await Promise.allSettled(running.splice(0).map((adapter) => adapter.stop()));
    },
  };
}
