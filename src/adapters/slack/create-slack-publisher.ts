import type { webApi } from '@slack/bolt';
import type { ChannelRef, Logger, Publisher } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { type MessageRefs, toMessageRef } from './message-refs.ts';
import { toDeliveryError } from './to-delivery-error.ts';
import { toSlackMessage } from './to-slack-message.ts';

/**
 * Posts digests into Slack channels. `client` should reject rate-limited calls instead of
 * waiting (`rejectRateLimitedCalls`), so the digest scheduler, which owns retries and backoff,
 * sees `rate_limited` with Slack's Retry-After.
 */
export function createSlackPublisher(client: webApi.WebClient, refs: MessageRefs, logger: Logger): Publisher {
  return {
    platform: 'slack',
    async publish(channel: ChannelRef, reply: Reply) {
      const publicReply: Reply = { ...reply, visibility: 'public' };
      let ts: string | undefined;
      try {
        const result = await client.chat.postMessage({
          channel: channel.channelId,
          ...toSlackMessage(publicReply),
          unfurl_links: false,
          unfurl_media: false,
        });
        ts = result.ts;
      } catch (error) {
        throw toDeliveryError(error);
      }
      if (!ts) throw toDeliveryError(new Error('chat.postMessage returned no ts'));
      // The message is out: failing to remember it must not make the scheduler send it again.
      await refs.remember(toMessageRef(channel.channelId, ts, reply)).catch((error: unknown) => {
        logger.warn({ err: error, channel: channel.channelId }, 'slack: could not remember a digest message');
      });
      return { messageId: ts };
    },
  };
}
