import { fileURLToPath } from 'node:url';
import { REST, Routes, type Shard, ShardingManager } from 'discord.js';
import type { Logger } from '../../../core/ports.ts';
import type { MessageChannel } from './shard-rpc.ts';
import { type ShardServices, serveShardServices } from './shard-services.ts';

/** How to run the Discord bot as several shard processes. */
export interface ShardManagerOptions {
  token: string;
  /** `DISCORD_API_URL`: also where the recommended shard count is asked for. */
  apiUrl?: string;
  /** A fixed count, or `auto` for Discord's recommendation (`GET /gateway/bot`). */
  totalShards: number | 'auto';
  /** Between shard starts: Discord accepts one IDENTIFY per 5 s per concurrency bucket. */
  spawnDelayMs: number;
  /** What shards borrow from this process (digests, settings). */
  services: ShardServices;
  logger: Logger;
  /** Called as shards come and go, e.g. to report health. */
  onShardState?: (state: { ready: number; total: number }) => void;
  /** The script each shard runs, and how Node runs it; the defaults run the TypeScript entry via tsx. */
  shardFile?: string;
  execArgv?: string[];
}

/** Running shard processes. */
export interface RunningShards {
  count: number;
  /** Stops respawning, asks every shard to stop (SIGTERM), and waits for them to exit. */
  stop(): Promise<void>;
}

const DEFAULT_SHARD_FILE = fileURLToPath(new URL('../../../shard-main.ts', import.meta.url));
const READY_TIMEOUT_MS = 120_000;
const EXIT_TIMEOUT_MS = 10_000;

/**
 * Starts discord.js's ShardingManager: one child process per shard, each told its shard id by the
 * manager, each answering the interactions Discord routes to it. Crashed shards are respawned.
 */
export async function startShardManager(options: ShardManagerOptions): Promise<RunningShards> {
  const { logger } = options;
  const totalShards =
    options.totalShards === 'auto'
      ? await recommendedShardCount(options.token, options.apiUrl)
      : options.totalShards;
  const manager = new ShardingManager(options.shardFile ?? DEFAULT_SHARD_FILE, {
    token: options.token,
    totalShards,
    mode: 'process',
    respawn: true,
    execArgv: options.execArgv ?? ['--import', 'tsx'],
  });
  const ready = new Set<number>();
  const report = () => options.onShardState?.({ ready: ready.size, total: totalShards });
  manager.on('shardCreate', (shard) => {
    serveShardServices(channelOf(shard), options.services);
    shard.on('ready', () => {
      ready.add(shard.id);
      logger.info({ shardId: shard.id, totalShards }, 'discord: shard ready');
      report();
    });
    shard.on('error', (error) => logger.error({ err: error, shardId: shard.id }, 'discord: shard error'));
    shard.on('death', () => {
      ready.delete(shard.id);
      logger.warn({ shardId: shard.id, respawn: manager.respawn }, 'discord: shard process exited');
      report();
    });
  });
  logger.info({ totalShards }, 'discord: starting shards');
  await manager.spawn({ amount: totalShards, delay: options.spawnDelayMs, timeout: READY_TIMEOUT_MS });

  return {
    count: totalShards,
    async stop() {
      manager.respawn = false;
      await Promise.all([...manager.shards.values()].map(stopShard));
    },
  };
}

/** Discord's recommended number of shards for this bot, asked through `apiUrl` like every other call. */
export async function recommendedShardCount(token: string, apiUrl?: string): Promise<number> {
  const rest = new REST({ ...(apiUrl ? { api: apiUrl } : {}), retries: 1 }).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, gateway.shards ?? 1);
}

function channelOf(shard: Shard): MessageChannel {
  return {
    // A shard that died mid-request cannot be answered; its user sees the interaction fail.
    send: (message) => void shard.send(message).catch(() => {}),
    onMessage: (listener) => {
      shard.on('message', listener);
      return () => shard.off('message', listener);
    },
  };
}

async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
