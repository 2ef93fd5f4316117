import { type Client, Events, type RESTOptions, Status } from 'discord.js';
import type { Core } from '../../core/core.ts';
import type { Logger, Publisher } from '../../core/ports.ts';
import { createDiscordPublisher } from './create-discord-publisher.ts';
import { useButtonSigningSecret } from './discord-buttons.ts';
import { createDiscordClient } from './discord-client.ts';
import { createInteractionHandler } from './handle-interaction.ts';
import { loggableError } from './loggable-error.ts';

/** How to start the Discord adapter; `login: false` (tests) skips the gateway connection. */
export interface DiscordAdapterOptions {
  token: string;
  appId: string;
  guildId?: string;
  apiUrl?: string;
  core: Core;
  logger: Logger;
  login?: boolean;
  /** REST overrides, e.g. `{ retries: 0 }` in tests. */
  rest?: Partial<RESTOptions>;
  /** The longest Retry-After the REST client waits out (EUJP_MAX_RETRY_AFTER_SECONDS). */
  maxRetryAfterSeconds?: number;
  /** How long to wait for the core before deferring the reply. */
  deferAfterMs?: number;
}

/** A running Discord adapter. */
export interface DiscordAdapter {
  publisher: Publisher;
  client: Client;
  /**
   * Whether the gateway connection is live, from the shards' own state: a bot whose gateway
   * closed (4004 after a token reset, or any close it will not come back from) hears no commands.
   */
  gatewayHealth(): { up: boolean; detail?: string };
  stop(): Promise<void>;
}

/** Connects the bot to Discord: slash commands, autocomplete and buttons in, replies and digests out. */
export async function startDiscordAdapter(options: DiscordAdapterOptions): Promise<DiscordAdapter> {
  const { logger } = options;
  // Every shard and replica derives the same button key from the token, so buttons survive restarts.
  useButtonSigningSecret(options.token);
  const client = createDiscordClient({
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.rest ? { rest: options.rest } : {}),
    ...(options.maxRetryAfterSeconds ? { maxRetryAfterSeconds: options.maxRetryAfterSeconds } : {}),
  });
  const handleInteraction = createInteractionHandler({
    core: options.core,
    logger,
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  });
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction));
  client.on(Events.Error, (error) => logger.error({ error: loggableError(error) }, 'discord: client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord: client warning'));
  // The last close per shard, until it is ready again: what /healthz reports as the reason.
  const closed = new Map<number, number>();
  client.on(Events.ShardDisconnect, (event, shardId) => {
    closed.set(shardId, event.code);
    logger.warn({ shardId, code: event.code }, 'discord: gateway disconnected');
  });
  client.on(Events.ShardResume, (shardId) => {
    closed.delete(shardId);
    logger.info({ shardId }, 'discord: gateway resumed');
  });
  client.on(Events.ShardReady, (shardId) => closed.delete(shardId));
  client.once(Events.ClientReady, (ready) =>
    logger.info(
      { user: ready.user.tag, guilds: ready.guilds.cache.size, shards: ready.ws.shards.size },
      'discord: ready',
    ),
  );
  client.rest.on('rateLimited', (info) =>
    logger.warn(
      { route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global },
      'discord: rate limited',
    ),
  );

  if (options.login === false) {
    client.rest.setToken(options.token);
  } else {
    try {
      await client.login(options.token);
    } catch (error) {
      await client.destroy();
      throw error;
    }
  }

  return {
    publisher: createDiscordPublisher(client.rest, logger),
    client,
    gatewayHealth: () => {
      // Without a gateway login (tests, the REST-only publisher) there is nothing to lose.
      if (options.login === false) return { up: true };
      // Both: after a 4004 the manager's status still reads Ready, only the shard's close says why.
      const down = [...closed].map(([shard, code]) => `shard ${shard} closed with ${code}`);
      const status = client.ws.status;
      if (status !== Status.Ready) down.unshift(`gateway ${Status[status] ?? status}`);
      return down.length === 0 ? { up: true } : { up: false, detail: down.join('; ') };
    },
    stop: async () => {
      client.removeAllListeners();
      await client.destroy();
      logger.info({}, 'discord: stopped');
    },
  };
}
