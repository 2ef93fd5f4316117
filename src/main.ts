import { config as loadDotenv } from 'dotenv';
import { runConsoleAdapter } from './adapters/console/start-console-adapter.ts';
import { composeBot } from './app/compose-bot.ts';
import { installCrashGuards } from './app/crash-guards.ts';
import { digestsHealthCheck, storeHealthCheck } from './app/live-health.ts';
import { runEntryPoint } from './app/run-entry-point.ts';
import { waitForShutdownSignal } from './app/run-until-signal.ts';
import { startChatAdapters } from './app/start-chat-adapters.ts';
import { configuredSecrets, loadConfig } from './config.ts';
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
  const bot = await composeBot(config, logger);
  const { core, digests, health, store } = bot;

  if (consoleOnly) {
    logger.info('no chat credentials configured: starting the console adapter');
    await Promise.race([
      runConsoleAdapter({ core, input: process.stdin, output: process.stdout }),
      shutdownSignal,
    ]);
    await bot.close();
    return 0;
  }

  const adapters = await startChatAdapters({
    config,
    core,
    store,
    health,
    loggerFor: (component) => logger.child({ component }),
  });
  for (const adapter of adapters.running) {
    bot.addPublisher(adapter.publisher);
    const live = adapter.health;
    if (!live) health.setState(adapter.platform, { status: 'up' });
    else
      health.addCheck(adapter.platform, async () => {
        const state = live();
        if (!state.up) throw new Error(state.detail ?? 'not connected');
      });
  }
  for (const failure of adapters.failed)
    health.setState(failure.platform, { status: 'down', detail: failure.reason });
  if (adapters.running.length === 0) {
    logger.fatal('no chat adapter could start; see the errors above');
    await bot.close();
    return 1;
  }
  // Bolt serves /healthz and /metrics itself when Slack runs; otherwise they get a server of their own.
  const ownHealthServer = bot.hasPublisher('slack')
    ? undefined
    : await health.listen(config.port, config.host);
  health.addCheck('store', storeHealthCheck(store));
  await digests.start();
  health.addCheck('digests', digestsHealthCheck(digests));
  logger.info({ adapters: adapters.running.map((adapter) => adapter.platform) }, 'eujp ready');

  await shutdownSignal;
  // Digests first, while the adapters can still publish: sends under way finish, the rest are
  // released for the next start. Then the adapters stop taking commands, and the store closes.
  await digests.stop();
  await Promise.allSettled(adapters.running.map((adapter) => adapter.stop()));
  await bot.close();
  await ownHealthServer?.close();
  logger.info('stopped cleanly');
  return 0;
}

runEntryPoint(main);
