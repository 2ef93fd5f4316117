import type { webApi } from '@slack/bolt';
import { type ChannelRef, DeliveryError, type Logger, type Publisher } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { type MessageRefs, toMessageRef } from './message-refs.ts';
import { toDeliveryError } from './to-delivery-error.ts';
import { toSlackMessage } from './to-slack-message.ts';

/**
 * A workspace's bot token (OAuth installs), or undefined when the workspace has no installation.
 * Without one, the publisher posts with the client's own token (single-workspace mode).
 */
export type SlackTokenLookup = (channel: ChannelRef) => Promise<string | undefined>;

/**
 * Posts digests into Slack channels. `client` should reject rate-limited calls instead of
 * waiting (`rejectRateLimitedCalls`), so the digest scheduler, which owns retries and backoff,
 * sees `rate_limited` with Slack's Retry-After.
 */
export function createSlackPublisher(
  client: webApi.WebClient,
  refs: MessageRefs,
  logger: Logger,
  tokenFor?: SlackTokenLookup,
): Publisher {
  return {
    platform: 'slack',
    async publish(channel: ChannelRef, reply: Reply) {
      const publicReply: Reply = { ...reply, visibility: 'public' };
      const token = tokenFor ? await workspaceToken(tokenFor, channel) : undefined;
      let ts: string | undefined;
      try {
        const result = await client.chat.postMessage({
          ...(token ? { token } : {}),
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

async function workspaceToken(tokenFor: SlackTokenLookup, channel: ChannelRef): Promise<string> {
  let token: string | undefined;
  try {
    token = await tokenFor(channel);
  } catch (error) {
    // The store, not Slack, failed: worth another try.
    const message = error instanceof Error ? error.message : String(error);
    throw new DeliveryError('transient', `Slack installation lookup failed: ${message}`);
  }
  // Not `gone`: that would disable the channel for good, while a workspace that installs the app
  // (again) should get its next digest. An uninstall deletes the subscriptions anyway.
  if (!token) {
    throw new DeliveryError(
      'permanent',
      `Slack: eujp is not installed in workspace ${channel.workspaceId ?? '(unknown)'}`,
    );
  }
  return token;
}
