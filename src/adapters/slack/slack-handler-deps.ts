import type { RespondArguments } from '@slack/bolt';
import type { Core } from '../../core/core.ts';
import type { Logger, RequestContext } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import type { MessageRefs } from './message-refs.ts';
import { type SlackRenderOptions, toSlackMessage } from './to-slack-message.ts';

/** What every Slack listener needs. */
export interface SlackHandlerDeps {
  core: Core;
  logger: Logger;
  refs: MessageRefs;
  /**
   * How long the slash command waits for the core before acknowledging empty and answering via
   * response_url; 0 always acknowledges empty first.
   */
  ackBudgetMs: number;
}

/**
 * Who asked, from where. Any member may manage a channel's digests on Slack (as with `/feed`),
 * so `canManageChannel` is always true; Discord is where permissions gate it.
 */
export function slackRequestContext(
  channelId: string | undefined,
  teamId: string | undefined,
  userId: string | undefined,
): RequestContext {
  return {
    platform: 'slack',
    ...(channelId
      ? { channel: { platform: 'slack', channelId, ...(teamId ? { workspaceId: teamId } : {}) } }
      : {}),
    ...(userId ? { userId } : {}),
    canManageChannel: true,
  };
}

/** A reply as a slash-command / response_url body: ephemeral unless the reply is public. */
export function toSlackResponse(reply: Reply, options?: SlackRenderOptions): RespondArguments {
  return {
    response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral',
    ...toSlackMessage(reply, options),
  };
}
