import type { Reply } from '../reply.ts';
import { TOPIC_IDS, type TopicId } from '../topics/topic-ids.ts';
import { type CommandRequest, emptyReply, withLanguage } from './command-request.ts';

/** Long queries are shortened when echoed: the reply is about topics, not the input. */
const ECHO_LIMIT = 60;

/** No clear match: say so, echo the (shortened) query, and offer topics instead of guessing. */
export function notFoundReply(
  request: CommandRequest,
  query: string,
  suggestions: readonly TopicId[],
): Reply {
  const { lang, messages, index } = request;
  const offered =
    suggestions.length > 0
      ? [...suggestions]
      : [...TOPIC_IDS].filter((id) => request.library.briefings.has(id));
  const echoed = [...query].length > ECHO_LIMIT ? `${[...query].slice(0, ECHO_LIMIT).join('')}…` : query;
  return {
    ...emptyReply('not_found', messages.notFoundTitle, lang),
    sections: [
      {
        paragraphs: [
          messages.notFound(echoed),
          suggestions.length > 0 ? messages.didYouMean : messages.tryTopics,
        ],
        items: offered.map((topic) => ({ label: index.displayTitle(topic, lang), text: topic, topic })),
      },
    ],
    suggestions: [...suggestions],
    actions: offered.slice(0, 5).map((topic) => ({
      kind: 'command' as const,
      label: index.displayTitle(topic, lang),
      command: withLanguage(topic, lang),
    })),
  };
}
