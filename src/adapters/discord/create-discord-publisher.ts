import { type REST, Routes } from 'discord.js';
import type { IdempotentPublisher } from '../../core/digests/idempotent-publisher.ts';
import type { ChannelRef, Logger } from '../../core/ports.ts';
import { DeliveryError } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { toDeliveryError } from './to-delivery-error.ts';
import { type DiscordMessage, toDiscordMessages } from './to-discord-messages.ts';

/**
 * Posts digests (and any reply) into Discord channels through the client's REST queue.
 * `publishOnce` sends each part with a nonce and `enforce_nonce`: Discord then answers a repeat
 * within a few minutes with the earlier message instead of posting again, so a digest resent
 * after a crash (or by another replica taking over) appears once.
 */
export function createDiscordPublisher(rest: REST, logger: Logger): IdempotentPublisher {
  const publish = async (channel: ChannelRef, reply: Reply, key?: string): Promise<{ messageId: string }> => {
    if (channel.platform !== 'discord') {
      throw new DeliveryError('permanent', `not a Discord channel: ${channel.platform}:${channel.channelId}`);
    }
    const [first, ...rest_] = toDiscordMessages(reply, { ephemeral: false });
    const messageId = await post(rest, channel.channelId, first, key).catch((error: unknown) => {
      throw toDeliveryError(error);
    });
    // The first part is delivered and recorded as such; a failed continuation is logged rather
    // than failing the delivery, because a retry would post the first part twice.
    for (const [index, message] of rest_.entries()) {
      try {
        await post(rest, channel.channelId, message, key === undefined ? undefined : `${key}-${index + 2}`);
      } catch (error) {
        logger.warn(
          {
            channelId: channel.channelId,
            part: index + 2,
            parts: rest_.length + 1,
            failure: toDeliveryError(error).message,
          },
          'discord: part of a long message was not delivered',
        );
        break;
      }
    }
    return { messageId };
  };
  return {
    platform: 'discord',
    publish: (channel, reply) => publish(channel, reply),
    publishOnce: (channel, reply, key) => publish(channel, reply, key),
  };
}

async function post(rest: REST, channelId: string, message: DiscordMessage, nonce?: string): Promise<string> {
  // Raw REST calls bypass the client's allowedMentions default, so the body carries its own.
  const body = {
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: { parse: [] },
    ...(nonce === undefined ? {} : { nonce, enforce_nonce: true }),
  };
  const posted = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
  return posted.id;
}
