import type { SlackHomeSource } from '../adapters/slack/home/register-app-home.ts';
import type { Config } from '../config.ts';
import { createBriefingSource } from '../core/briefings/create-briefing-source.ts';
import type { Core } from '../core/core.ts';
import { createCore } from '../core/create-core.ts';
import { createDigestService, type DigestService } from '../core/digests/create-digest-service.ts';
import type { Store } from '../core/digests/store-port.ts';
import type { Clock, Logger, Platform, Publisher } from '../core/ports.ts';
import { openStore } from '../storage/open-store.ts';
import { checkBriefingsDir } from './check-briefings-dir.ts';
import { createHomeSource } from './create-home-source.ts';
import { createHealthRoutes, type HealthRoutes } from './health-routes.ts';
import { instrumentCore, instrumentPublisher } from './instrument.ts';
import { createBotMetrics } from './metrics.ts';
import { boundDigestCommands } from './store-budget/bounded-digest-commands.ts';
import { createCachedChannelSettings } from './store-budget/cached-channel-settings.ts';

// A command waits this long for the store: under Slack's 2 s ack budget, so even "storage is
// unavailable" goes back in the acknowledgement. The language read gets much less: read-only
// commands answer in the default language rather than wait.
const STORE_COMMAND_BUDGET_MS = 1500;
const LANGUAGE_READ_BUDGET_MS = 250;
const LANGUAGE_FRESH_MS = 60_000;

/** Everything the bot runs on, whatever the process shape (one process, or a shard manager). */
export interface BotServices {
  store: Store;
  digests: DigestService;
  core: Core;
  health: HealthRoutes;
  /** What Slack's Home tab shows. */
  home: SlackHomeSource;
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
  await checkBriefingsDir(config.briefingsDir);
  const briefings = await createBriefingSource(config.briefingsDir, logger);
  const store = await openStore(config.database, {
    poolSize: config.databasePoolSize,
    timeouts: config.databaseTimeouts,
  });
  // Watching starts only once the store is open: nothing is left running if opening it fails.
  const stopWatching = briefings.watch();
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
  const settings = createCachedChannelSettings(store, {
    readBudgetMs: LANGUAGE_READ_BUDGET_MS,
    writeBudgetMs: STORE_COMMAND_BUDGET_MS,
    freshForMs: LANGUAGE_FRESH_MS,
    now: () => clock.now().getTime(),
    logger,
  });
  const core = instrumentCore(
    createCore({
      getLibrary: briefings.current,
      digests: boundDigestCommands(digests.commands, STORE_COMMAND_BUDGET_MS, logger),
      settings,
      clock,
      logger,
      // The topic index is built a slice per turn of the event loop, so a reload of a large
      // library never holds up commands (old searches answer until the new index is complete).
      scheduleSlice: (work) => setImmediate(work),
    }),
    metrics,
  );
  return {
    store,
    digests,
    core,
    health,
    home: createHomeSource({ store, getLibrary: briefings.current, clock, defaultTimeZone: config.timeZone }),
    addPublisher: (publisher) => publishers.set(publisher.platform, instrumentPublisher(publisher, metrics)),
    hasPublisher: (platform) => publishers.has(platform),
    close: async () => {
      stopWatching();
      await store.close();
    },
  };
}
