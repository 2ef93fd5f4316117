import { config as loadDotenv } from 'dotenv';
import { runConsoleAdapter } from './adapters/console/start-console-adapter.ts';
import { composeBot } from './app/compose-bot.ts';
import { installCrashGuards } from './app/crash-guards.ts';
import { listenForHealth } from './app/listen-for-health.ts';
import { digestsHealthCheck, storeHealthCheck } from './app/live-health.ts';
import { notConnectedPublisher } from './app/not-connected-publisher.ts';
import { trackOpenedResources } from './app/release-on-failure.ts';
import { runEntryPoint } from './app/run-entry-point.ts';
import { waitForShutdownSignal } from './app/run-until-signal.ts';
import { chatAdapterStarters } from './app/start-chat-adapters.ts';
import { superviseChatAdapters } from './app/supervise-chat-adapters.ts';
import { loadConfig } from './config.ts';
import { configuredSecrets } from './configured-secrets.ts';
import { createLogger } from './logging/create-logger.ts';

// The composition root (`npm start`): config → content → storage → digests → core → adapters.
loadDotenv({ quiet: true });

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const consoleOnly = !config.slack && !config.discord;
  // In the terminal, info lines would interleave with the replies; keep them for chat deployments.
  const logger = createLogger(
    consoleOnly && !config.logLevelChosen ? 'warn' : config.logLevel,
    process.stderr,
    configuredSecrets(config),
  );
  installCrashGuards(logger);
  // Listen from the first moment: a SIGTERM during start-up must still end in a clean stop.
  const shutdownSignal = waitForShutdownSignal(logger);
  // Everything opened before "ready" is released if a later step fails, so the process exits 1
  // at once (and a container's restart policy fires) instead of being kept alive by a handle.
  const opened = trackOpenedResources(logger);
  const stopRequested = shutdownSignal.then(() => 'stopped' as const);
  const untilStopped = async <T>(step: Promise<T>): Promise<T | 'stopped'> =>
    Promise.race([step, stopRequested]);
  try {
    const composing = composeBot(config, logger);
    const composed = await untilStopped(composing);
    // A SIGTERM while the store was still opening (a slow Postgres): stop now, cleanly; whatever
    // the open still produces is closed when it settles, or ends with the process.
    if (composed === 'stopped') {
      composing.then((late) => late.close()).catch(() => {});
      return 0;
    }
    const bot = composed;
    opened.add(() => bot.close());
    const { core, digests, health, store } = bot;

    if (consoleOnly) {
      logger.info('no chat credentials configured: starting the console adapter');
      await Promise.race([
        runConsoleAdapter({ core, input: process.stdin, output: process.stdout }),
        shutdownSignal,
      ]);
      await opened.releaseAll();
      return 0;
    }

    // Slack in HTTP mode serves /healthz beside /slack/events; otherwise the bot serves it itself,
    // and listens before the adapters start, so a taken PORT stops start-up and /healthz shows
    // adapters that are still retrying.
    const slackServesHttp = Boolean(config.slack && !config.slack.appToken);
    const ownHealth = listenForHealth(health, config.port, config.host);
    opened.add(() => ownHealth.close());
    if (!slackServesHttp) await ownHealth.open();

    const adapters = superviseChatAdapters({
      starters: chatAdapterStarters({
        config,
        core,
        store,
        health,
        home: bot.home,
        loggerFor: (component) => logger.child({ component }),
      }),
      logger: logger.child({ component: 'adapters' }),
      health,
      onStarted: (adapter) => {
        bot.addPublisher(adapter.publisher);
        // An adapter that can lose its connection after starting (Discord's gateway) is checked live.
        const live = adapter.health;
        if (live)
          health.addCheck(adapter.platform, async () => {
            const state = live();
            if (!state.up) throw new Error(state.detail ?? 'not connected');
          });
      },
      // While Slack HTTP mode retries, the bot's own server holds the port (and /healthz) between attempts.
      ...(slackServesHttp
        ? {
            beforeRetry: async (platform) => (platform === 'slack' ? ownHealth.close() : undefined),
            afterFailedRetry: async (platform) => (platform === 'slack' ? ownHealth.open() : undefined),
          }
        : {}),
    });
    opened.add(() => adapters.stop());
    if ((await untilStopped(adapters.firstAttempts)) === 'stopped') {
      await opened.releaseAll();
      return 0;
    }
    const retrying = adapters.retrying();
    if (adapters.running().length === 0 && retrying.length === 0) {
      logger.fatal('no chat adapter could start; see the errors above');
      await opened.releaseAll();
      return 1;
    }
    // Digests for a platform still retrying wait and retry like any transient failure.
    for (const platform of retrying) bot.addPublisher(notConnectedPublisher(platform));
    if (slackServesHttp && !adapters.running().some((adapter) => adapter.platform === 'slack'))
      await ownHealth.open();
    health.addCheck('store', storeHealthCheck(store));
    await digests.start();
    opened.add(() => digests.stop());
    health.addCheck('digests', digestsHealthCheck(digests));
    logger.info({ adapters: adapters.running().map((adapter) => adapter.platform), retrying }, 'eujp ready');

    await shutdownSignal;
    // Digests first, while the adapters can still publish: sends under way finish, the rest are
    // released for the next start. Then the adapters stop taking commands, and the store closes.
    await opened.releaseAll();
    logger.info('stopped cleanly');
    return 0;
  } catch (error) {
    await opened.releaseAll();
    throw error;
  }
}

runEntryPoint(main);
