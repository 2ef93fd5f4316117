import type { App } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import { answerMention, stripBotMention } from './answer-mention.ts';
import { toMessageRef } from './message-refs.ts';
import { postApology, postReplyInThread } from './post-in-thread.ts';
import { type SlackHandlerDeps, slackRequestContext } from './slack-handler-deps.ts';
import { requestWorkspaceId } from './slack-workspace-id.ts';

/**
 * `@eujp quantum` in a channel or thread: the answer goes into the thread (started under the
 * mention when there is none), in public, since the question was asked in public.
 */
export function registerAppMention(app: App, deps: SlackHandlerDeps): void {
  app.event('app_mention', async ({ event, context, client }) => {
    const rootTs = event.thread_ts ?? event.ts;
    let lang: Reply['lang'] = 'en';
    try {
      const text = stripBotMention(event.text, context.botUserId);
      const workspaceId = requestWorkspaceId(context, event.team ?? context.teamId);
      const request = slackRequestContext(event.channel, workspaceId, event.user);
      const reply = await answerMention(
        text,
        { channelId: event.channel, ...(event.thread_ts ? { rootTs: event.thread_ts } : {}) },
        request,
        deps,
      );
      lang = reply.lang;
      const answer = { ...reply, visibility: 'public' as const };
      const ts = await postReplyInThread(client, event.channel, rootTs, answer, deps.logger);
      if (ts) await remember(deps, event.channel, ts, rootTs, answer, text);
    } catch (error) {
      // Events have no response_url: a short apology in the thread is all we can give, and far
      // better than silence; the next mention is answered as usual.
      deps.logger.warn({ err: error, channel: event.channel }, 'slack: could not answer a mention');
      await postApology(client, event.channel, rootTs, lang);
    }
  });
}

async function remember(
  deps: SlackHandlerDeps,
  channelId: string,
  ts: string,
  rootTs: string,
  answer: Parameters<typeof toMessageRef>[2],
  command: string,
): Promise<void> {
  if (answer.type === 'sources' || answer.sources.length === 0) return;
  try {
    await deps.refs.remember(toMessageRef(channelId, ts, answer, command));
    // A thread under one of the bot's own messages keeps that message's sources.
    const existing = await deps.refs.recall(channelId, rootTs);
    if (existing?.via !== 'message')
      await deps.refs.remember(toMessageRef(channelId, rootTs, answer, command, 'thread'));
  } catch (error) {
    deps.logger.warn({ err: error, channel: channelId }, 'slack: could not remember a mention answer');
  }
}
