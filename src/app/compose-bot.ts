import type { Config } from '../config.ts';
import { createBriefingSource } from '../core/briefings/create-briefing-source.ts';
import type { Core } from '../core/core.ts';
import { createCore } from '../core/create-core.ts';
import { createDigestService, type DigestService } from '../core/digests/create-digest-service.ts';
import type { Store } from '../core/digests/store-port.ts';
import type { Clock, Logger, Platform, Publisher } from '../core/ports.ts';
import { openStore } from '../storage/open-store.ts';
import { createHealthRoutes, type HealthRoutes } from './health-routes.ts';
import { instrumentCore, instrumentPublisher } from './instrument.ts';
import { createBotMetrics } from './metrics.ts';

/** Everything the bot runs on, whatever the process shape (one process, or a shard manager). */
export interface BotServices {
  store: Store;
  digests: DigestService;
  core: Core;
  health: HealthRoutes;
  /** Hands a chat adapter's publisher to the digests, counted in the metrics. */
  addPublisher(publisher: Publisher): void;
  hasPublisher(platform: Platform): boolean;
  /** Stops watching the content and closes the store (after digests and adapters have stopped). */
  close(): Promise<void>;
}

/** Content → store → digests → core, wired the same way for every entry point. */
export async function composeBot(
  config: Config,
  logger: Logger & { child(bindings: object): Logger },
): Promise<BotServices> {
  const clock: Clock = { now: () => new Date(), monotonicMs: () => performance.now() };
  const briefings = await createBriefingSource(config.briefingsDir, logger);
  const stopWatching = briefings.watch();
  const store = await openStore(config.database);
  const metrics = createBotMetrics();
  const health = createHealthRoutes(
    metrics,
    config.metricsToken ? { metricsToken: config.metricsToken } : {},
  );
  // Read by the digests at send time, so adapters may add theirs after the service exists.
  const publishers = new Map<Platform, Publisher>();
  const digests = createDigestService({
    store,
    getLibrary: briefings.current,
    clock,
    logger: logger.child({ component: 'digests' }),
    publishers,
    defaultTimeZone: config.timeZone,
    catchUpWindowMs: config.catchUpWindowMs,
    retry: { maxRetryAfterMs: config.maxRetryAfterMs },
  });
  const core = instrumentCore(
    createCore({ getLibrary: briefings.current, digests: digests.commands, settings: store, clock, logger }),
    metrics,
  );
  return {
    store,
    digests,
    core,
    health,
    addPublisher: (publisher) => publishers.set(publisher.platform, instrumentPublisher(publisher, metrics)),
    hasPublisher: (platform) => publishers.has(platform),
    close: async () => {
      stopWatching();
      await store.close();
    },
  };
}
