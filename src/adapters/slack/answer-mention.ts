import { CORE_MESSAGES } from '../../core/i18n/core-messages.ts';
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
 * means "this message's sources": the sources it cited when the bot still remembers them (a
 * digest spans several topics), otherwise each of its topics' source lists from the core.
 */
export async function answerMention(
  text: string,
  thread: { channelId: string; rootTs?: string },
  context: RequestContext,
  deps: SlackHandlerDeps,
): Promise<Reply> {
  if (thread.rootTs && BARE_SOURCES.test(text)) {
    const ref = await deps.refs.recall(thread.channelId, thread.rootTs).catch(() => undefined);
    if (ref && ref.sources.length > 0 && ref.topics.length !== 1) return citedSources(ref);
    if (ref && ref.topics.length > 0) {
      const lang = ref.lang ? ` lang=${ref.lang}` : '';
      const replies = await Promise.all(
        ref.topics.map((topic) => askCore(deps.core, `sources ${topic}${lang}`, context, deps.logger)),
      );
      return combine(replies);
    }
  }
  return askCore(deps.core, text, context, deps.logger);
}

function citedSources(ref: MessageRef): Reply {
  const lang = ref.lang ?? 'en';
  return {
    type: 'sources',
    topic: null,
    title: CORE_MESSAGES[lang].sourcesTitle(ref.title),
    sections: [],
    sources: ref.sources,
    suggestions: [],
    actions: [],
    visibility: 'public',
    lang,
  };
}

/** Several topics' source lists as one message, each under its topic's heading. */
function combine(replies: Reply[]): Reply {
  const [first] = replies;
  if (!first || replies.length === 1) return first!;
  return {
    ...first,
    topic: null,
    title: CORE_MESSAGES[first.lang].sourcesButton,
    sections: replies.flatMap((reply) =>
      reply.sections.map((section, index) => (index === 0 ? { ...section, heading: reply.title } : section)),
    ),
    sources: [],
    actions: [],
  };
}
