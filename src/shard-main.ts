import { createRpcClient, type MessageChannel } from './adapters/discord/sharding/shard-rpc.ts';
import { createRemoteShardServices } from './adapters/discord/sharding/shard-services.ts';
import { startDiscordAdapter } from './adapters/discord/start-discord-adapter.ts';
import { installCrashGuards } from './app/crash-guards.ts';
import { waitForShutdownSignal } from './app/run-until-signal.ts';
import { loadConfig } from './config.ts';
import { configuredSecrets } from './configured-secrets.ts';
import { createBriefingSource } from './core/briefings/create-briefing-source.ts';
import { createCore } from './core/create-core.ts';
import { createLogger } from './logging/create-logger.ts';

// One shard process of `npm run start:sharded`, forked by the ShardingManager in
// src/adapters/discord/sharding/start-shard-manager.ts. It inherits the manager's environment (so
// the same configuration) plus SHARDS and SHARD_COUNT, which discord.js's Client reads to connect
// as those shards. It answers the interactions Discord routes to its shards; digests and settings
// live in the manager.

async function main(): Promise<number> {
  if (!process.send) throw new Error('shard-main.ts is started by `npm run start:sharded`, not by hand');
  const config = loadConfig(process.env);
  if (!config.discord) throw new Error('DISCORD_TOKEN and DISCORD_APP_ID are required for a Discord shard');
  const logger = createLogger(config.logLevel, process.stderr, configuredSecrets(config)).child({
    shards: process.env.SHARDS,
  });
  installCrashGuards(logger);
  const rpc = createRpcClient(parentChannel());
  const services = createRemoteShardServices(rpc);
  const briefings = await createBriefingSource(config.briefingsDir, logger);
  const stopWatching = briefings.watch();
  const core = createCore({
    getLibrary: briefings.current,
    digests: services.digests,
    settings: services.settings,
    clock: { now: () => new Date(), monotonicMs: () => performance.now() },
    logger,
  });
  const adapter = await startDiscordAdapter({
    ...config.discord,
    core,
    logger: logger.child({ adapter: 'discord' }),
    maxRetryAfterSeconds: config.maxRetryAfterMs / 1_000,
  });
  logger.info(
    { shardIds: adapter.client.shard?.ids, shardCount: adapter.client.shard?.count, pid: process.pid },
    'discord shard ready',
  );

  // The manager stops shards with SIGTERM; if it dies instead, the IPC channel closes.
  await Promise.race([
    waitForShutdownSignal(logger),
    new Promise((resolve) => process.once('disconnect', () => resolve('disconnect'))),
  ]);
  await adapter.stop();
  rpc.close();
  stopWatching();
  return 0;
}

function parentChannel(): MessageChannel {
  return {
    send: (message) => {
      if (process.connected) process.send?.(message);
    },
    onMessage: (listener) => {
      process.on('message', listener);
      return () => process.off('message', listener);
    },
  };
}

main().then(
  (code) => {
    // The gateway client may keep sockets open after destroy(); everything is closed by now.
    setImmediate(() => process.exit(code));
  },
  (error: unknown) => {
    console.error('eujp shard could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
