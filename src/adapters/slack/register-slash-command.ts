import type { App } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import { askCore } from './ask-core.ts';
import { unescapeSlackText } from './escape-slack-text.ts';
import { type SlackHandlerDeps, slackRequestContext, toSlackResponse } from './slack-handler-deps.ts';
import { requestWorkspaceId } from './slack-workspace-id.ts';

export const SLACK_COMMAND = '/eujp';

/**
 * `/eujp …`. The core answers from memory in about a millisecond, so the fastest correct pattern
 * is to put the reply in the ack itself: one HTTP round trip, nothing spent from response_url's
 * five uses. Should the core ever be slow (a busy store behind `subscribe`), the ack goes out empty
 * once `ackBudgetMs` has passed, well inside Slack's 3 s, and the reply follows via response_url.
 */
export function registerSlashCommand(app: App, deps: SlackHandlerDeps): void {
  app.command(SLACK_COMMAND, async ({ command, ack, respond, context: bolt }) => {
    const workspaceId = requestWorkspaceId(bolt, command.team_id);
    const context = slackRequestContext(
      command.channel_id,
      workspaceId,
      command.user_id,
      command.channel_name,
    );
    const answer = askCore(deps.core, unescapeSlackText(command.text ?? ''), context, deps.logger);
    const early = deps.ackBudgetMs > 0 ? await settleWithin(answer, deps.ackBudgetMs) : undefined;
    if (early) {
      await ack(toSlackResponse(early));
      return;
    }
    await ack();
    const reply = await answer;
    await respond(toSlackResponse(reply)).catch((error: unknown) => {
      deps.logger.warn({ err: error, channel: command.channel_id }, 'slack: late slash-command reply failed');
    });
  });
}

async function settleWithin(answer: Promise<Reply>, ms: number): Promise<Reply | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
