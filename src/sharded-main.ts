import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { startShardManager } from './adapters/discord/sharding/start-shard-manager.ts';
import { startDiscordRestPublisher } from './adapters/discord/start-discord-rest-publisher.ts';
import { composeBot } from './app/compose-bot.ts';
import { installCrashGuards } from './app/crash-guards.ts';
import { digestsHealthCheck, storeHealthCheck } from './app/live-health.ts';
import { runEntryPoint } from './app/run-entry-point.ts';
import { waitForShutdownSignal } from './app/run-until-signal.ts';
import { startChatAdapters } from './app/start-chat-adapters.ts';
import { ConfigError, loadConfig } from './config.ts';
import { configuredSecrets } from './configured-secrets.ts';
import { createLogger } from './logging/create-logger.ts';

// `npm run start:sharded [-- --shards N|auto] [--spawn-delay-ms MS]`: the bot for thousands of
// Discord servers (docs/scaling.md). This process is the ShardingManager and owns everything that
// must exist once: the store, the one digest scheduler (posting to Discord over REST), Slack if
// configured, and /healthz and /metrics. Each shard is a child process holding its gateway
// connection and answering its interactions, and borrows digests and settings from here over IPC.
loadDotenv({ quiet: true });

function readArguments(argv: string[]): { shards: number | 'auto'; spawnDelayMs: number } {
  const { values } = parseArgs({
    args: argv,
    options: {
      shards: { type: 'string', default: 'auto' },
      'spawn-delay-ms': { type: 'string', default: '5500' },
    },
  });
  const shards = values.shards === 'auto' ? 'auto' : Number(values.shards);
  const spawnDelayMs = Number(values['spawn-delay-ms']);
  const problems = [
    ...(shards === 'auto' || (Number.isInteger(shards) && shards >= 1)
      ? []
      : ['--shards: a positive whole number or auto']),
    ...(Number.isInteger(spawnDelayMs) && spawnDelayMs >= 0
      ? []
      : ['--spawn-delay-ms: milliseconds, 0 or more']),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return { shards, spawnDelayMs };
}

async function main(): Promise<number> {
  const args = readArguments(process.argv.slice(2));
  const config = loadConfig(process.env);
  const discord = config.discord;
  if (!discord)
    throw new ConfigError(['DISCORD_TOKEN, DISCORD_APP_ID: start:sharded runs Discord shards; set both']);
  const logger = createLogger(config.logLevel, process.stderr, configuredSecrets(config));
  installCrashGuards(logger);
  const bot = await composeBot(config, logger);
  const { core, digests, health, store } = bot;
  const restPublisher = startDiscordRestPublisher({
    ...discord,
    maxRetryAfterSeconds: config.maxRetryAfterMs / 1_000,
    logger: logger.child({ adapter: 'discord' }),
  });
  bot.addPublisher(restPublisher.publisher);

  const slack = await startChatAdapters({
    config: { ...config, discord: undefined },
    core,
    store,
    health,
    home: bot.home,
    loggerFor: (adapter) => logger.child({ adapter }),
  });
  for (const adapter of slack.running) bot.addPublisher(adapter.publisher);
  for (const failure of slack.failed)
    health.setState(failure.platform, { status: 'down', detail: failure.reason });
  health.setState('discord', { status: 'starting' });
  let shards: Awaited<ReturnType<typeof startShardManager>>;
  try {
    shards = await startShardManager({
      token: discord.token,
      ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
      totalShards: args.shards,
      spawnDelayMs: args.spawnDelayMs,
      services: { digests: digests.commands, settings: store },
      logger: logger.child({ adapter: 'discord' }),
      onShardState: ({ ready, total }) =>
        health.setState('discord', {
          status: ready === total ? 'up' : 'down',
          detail: `${ready} of ${total} shards ready`,
        }),
    });
  } catch (error) {
    logger.fatal({ err: error }, 'discord shards could not start');
    await Promise.allSettled([...slack.running.map((adapter) => adapter.stop()), restPublisher.stop()]);
    await bot.close();
    return 1;
  }
  for (const adapter of slack.running) health.setState(adapter.platform, { status: 'up' });
  const ownHealthServer = bot.hasPublisher('slack')
    ? undefined
    : await health.listen(config.port, config.host);
  health.addCheck('store', storeHealthCheck(store));
  await digests.start();
  health.addCheck('digests', digestsHealthCheck(digests));
  logger.info(
    { adapters: ['discord', ...slack.running.map((adapter) => adapter.platform)], shards: shards.count },
    'eujp ready',
  );

  await waitForShutdownSignal(logger);
  // Digests post over REST from this process, so they need no shard: both stop at once. Ctrl-C
  // reaches the shards too, and stopping them right away keeps the manager from respawning them.
  await Promise.all([digests.stop(), shards.stop()]);
  await Promise.allSettled([...slack.running.map((adapter) => adapter.stop()), restPublisher.stop()]);
  await bot.close();
  await ownHealthServer?.close();
  logger.info('stopped cleanly');
  return 0;
}

runEntryPoint(main);
