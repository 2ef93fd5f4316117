import type { App, BlockAction, ButtonAction, RespondArguments } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import { askCore } from './ask-core.ts';
import { toMessageRef } from './message-refs.ts';
import { type SlackHandlerDeps, slackRequestContext, toSlackResponse } from './slack-handler-deps.ts';
import { requestWorkspaceId, type SlackScope } from './slack-workspace-id.ts';
import { readSlackButtonValue, SLACK_ACTION_PREFIX, toSlackMessage } from './to-slack-message.ts';

const commandButton = {
  type: 'block_actions',
  action_id: new RegExp(`^${SLACK_ACTION_PREFIX.command}`),
} as const;
const shareButton = {
  type: 'block_actions',
  action_id: new RegExp(`^${SLACK_ACTION_PREFIX.share}`),
} as const;

/**
 * Buttons carry a grammar command as their value. A command button (Sources, a related topic)
 * answers ephemerally, as a new message: only the person who clicked asked for it, it works
 * under an ephemeral reply (which cannot have a thread), in channels the bot has not joined, and
 * never rewrites a public message everyone else is reading.
 */
export function registerButtonActions(app: App, deps: SlackHandlerDeps): void {
  app.action<BlockAction<ButtonAction>>(commandButton, async ({ ack, action, body, respond, context }) => {
    await ack();
    const command = readSlackButtonValue('command', action.value);
    if (command === null) return refuseUnknownButton(respond);
    const reply = await askCore(deps.core, command, contextOf(body, context), deps.logger);
    await respond({ ...toSlackResponse({ ...reply, visibility: 'private' }), replace_original: false }).catch(
      (error: unknown) => deps.logger.warn({ err: error }, 'slack: button reply failed'),
    );
  });

  app.action<BlockAction<ButtonAction>>(
    shareButton,
    async ({ ack, action, body, respond, client, context }) => {
      await ack();
      const command = readSlackButtonValue('share', action.value);
      if (command === null) return refuseUnknownButton(respond);
      const reply = await askCore(deps.core, command, contextOf(body, context), deps.logger);
      if (!isShareable(reply)) {
        await respond({ ...toSlackResponse(reply), replace_original: false }).catch(() => {});
        return;
      }
      const shared: Reply = { ...reply, visibility: 'public' };
      const message = toSlackMessage(shared, { sharedBy: body.user.name ?? body.user.username });
      const channelId = body.channel?.id;
      try {
        // chat.postMessage gives us the ts, so `@eujp sources` in the shared message's thread works.
        if (!channelId) throw new Error('no channel in payload');
        const result = await client.chat.postMessage({
          channel: channelId,
          ...message,
          unfurl_links: false,
          unfurl_media: false,
        });
        if (result.ts)
          await deps.refs.remember(toMessageRef(channelId, result.ts, shared, command)).catch(() => {});
      } catch (error) {
        // Private channels and DMs the bot is not in refuse chat.postMessage; response_url still posts.
        deps.logger.info({ err: error, channel: channelId }, 'slack: share falls back to response_url');
        const fallback: RespondArguments = {
          ...message,
          response_type: 'in_channel',
          replace_original: false,
        };
        const posted = await respond(fallback).then(
          () => true,
          (respondError: unknown) => {
            deps.logger.warn({ err: respondError, channel: channelId }, 'slack: share failed');
            return false;
          },
        );
        if (!posted) return;
      }
      // The private copy would now be a duplicate of what the whole channel sees.
      if (body.container?.is_ephemeral) await respond({ delete_original: true }).catch(() => {});
    },
  );
}

/** A button the bot never issued (forged, or signed with a key since changed): say so, privately. */
async function refuseUnknownButton(respond: (message: RespondArguments) => Promise<unknown>): Promise<void> {
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: 'This button is no longer supported. Run /eujp again.',
  }).catch(() => {});
}

function contextOf(body: BlockAction, scope: SlackScope) {
  const workspaceId = requestWorkspaceId(scope, body.team?.id ?? body.user.team_id);
  return slackRequestContext(body.channel?.id, workspaceId, body.user.id);
}

/** Errors and "no such topic" stay private: nobody wants those posted to the whole channel. */
function isShareable(reply: Reply): boolean {
  return reply.type !== 'error' && reply.type !== 'not_found';
}
