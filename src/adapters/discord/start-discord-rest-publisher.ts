import type { RESTOptions } from 'discord.js';
import type { Logger, Publisher } from '../../core/ports.ts';
import { createDiscordPublisher } from './create-discord-publisher.ts';
import { useButtonSigningSecret } from './discord-buttons.ts';
import { createDiscordClient } from './discord-client.ts';

/** A digest publisher that speaks REST only, and how to close it. */
export interface DiscordRestPublisher {
  publisher: Publisher;
  stop(): Promise<void>;
}

/**
 * Posts digests without a gateway connection: under `npm run start:sharded` the shard processes
 * hold the gateway and answer interactions, while the manager process, which runs the one digest
 * scheduler, needs nothing but the REST API to post into channels. It uses the same client
 * settings as the adapter, so a 429 on a channel post still reaches the scheduler.
 */
export function startDiscordRestPublisher(options: {
  token: string;
  apiUrl?: string;
  rest?: Partial<RESTOptions>;
  maxRetryAfterSeconds?: number;
  logger: Logger;
}): DiscordRestPublisher {
  // Buttons on digests are signed with the same key the shards verify them with.
  useButtonSigningSecret(options.token);
  const client = createDiscordClient({
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.rest ? { rest: options.rest } : {}),
    ...(options.maxRetryAfterSeconds ? { maxRetryAfterSeconds: options.maxRetryAfterSeconds } : {}),
  });
  client.rest.setToken(options.token);
  client.rest.on('rateLimited', (info) =>
    options.logger.warn(
      { route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global },
      'discord: rate limited',
    ),
  );
  return {
    publisher: createDiscordPublisher(client.rest, options.logger),
    stop: async () => {
      await client.destroy();
    },
  };
}
