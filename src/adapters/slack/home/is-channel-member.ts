import type { webApi } from '@slack/bolt';
import type { Logger } from '../../../core/ports.ts';

const PAGES_READ = 20;

/**
 * Whether `userId` is a member of the channel (`conversations.members`, which needs
 * `channels:read` and `groups:read`). Unknown counts as no: a failure to check never lets
 * someone change a channel they could not change from inside it.
 */
export async function isChannelMember(
  client: webApi.WebClient,
  channelId: string,
  userId: string,
  logger: Logger,
): Promise<boolean> {
  let cursor: string | undefined;
  try {
    for (let page = 0; page < PAGES_READ; page++) {
      const result = await client.conversations.members({
        channel: channelId,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      if (result.members?.includes(userId)) return true;
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) return false;
    }
  } catch (error) {
    logger.info({ err: error, channel: channelId }, 'slack: could not check channel membership');
  }
  return false;
}
