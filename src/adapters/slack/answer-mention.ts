import type { RequestContext } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { askCore } from './ask-core.ts';
import { unescapeSlackText } from './escape-slack-text.ts';
import type { MessageRef } from './message-refs.ts';
import type { SlackHandlerDeps } from './slack-handler-deps.ts';

/** A bare "sources" (optionally with lang=…), the thread-relative request. */
const BARE_SOURCES = /^(?:sources|source|出典|ソース)(?:\s+lang=\w+)?$/i;

/**
 * The text of a mention without the bot's own `<@U…>` (and Slack's entities decoded). When the
 * bot's user id is unknown, only a leading mention is taken as addressed to the bot.
 */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  const pattern = botUserId
    ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g')
    : /^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/;
  return unescapeSlackText(text.replace(pattern, ' ')).replace(/\s+/g, ' ').trim();
}

/**
 * Answers `@eujp …`. In a thread under a briefing or digest the bot posted, a bare `sources`
 * means "this message's sources": the topic's full list from the core when there is one topic,
 * otherwise the sources the message itself cited (a digest spans several topics).
 */
export async function answerMention(
  text: string,
  thread: { channelId: string; rootTs?: string },
  context: RequestContext,
  deps: SlackHandlerDeps,
): Promise<Reply> {
  if (thread.rootTs && BARE_SOURCES.test(text)) {
    const ref = await deps.refs.recall(thread.channelId, thread.rootTs).catch(() => undefined);
    if (ref?.topic) return askCore(deps.core, `sources ${ref.topic} lang=${ref.lang}`, context, deps.logger);
    if (ref && ref.sources.length > 0) return sourcesOf(ref);
  }
  return askCore(deps.core, text, context, deps.logger);
}

function sourcesOf(ref: MessageRef): Reply {
  return {
    type: 'sources',
    topic: null,
    title: ref.lang === 'ja' ? `出典: ${ref.title}` : `Sources: ${ref.title}`,
    sections: [],
    sources: ref.sources,
    suggestions: [],
    actions: [],
    visibility: 'public',
    lang: ref.lang,
  };
}
