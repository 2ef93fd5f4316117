import type { Reply } from '../reply.ts';
import type { TopicId } from '../topics/topic-ids.ts';
import { type CommandRequest, emptyReply, withLanguage } from './command-request.ts';

/** Long queries are shortened when echoed: the reply is about topics, not the input. */
const ECHO_LIMIT = 60;
const MAX_OFFERED = 5;

/**
 * No clear match: say so, echo the (shortened) query, and offer only the topics that came close,
 * once, as buttons. When none came close it says so and points to `topics` rather than listing
 * every topic as if each were a near miss.
 */
export function notFoundReply(
  request: CommandRequest,
  query: string,
  suggestions: readonly TopicId[],
  command = '',
): Reply {
  const { lang, messages } = request;
  const offered = suggestions.filter((topic) => request.library.briefings.has(topic)).slice(0, MAX_OFFERED);
  return {
    ...emptyReply('not_found', messages.notFoundTitle, lang),
    sections: [
      {
        paragraphs: [
          messages.notFound(echo(query)),
          offered.length > 0 ? messages.didYouMean : messages.noCloseTopic,
        ],
        items: [],
      },
    ],
    suggestions: offered,
    actions:
      offered.length > 0
        ? topicButtons(request, offered, command)
        : [{ kind: 'command', label: messages.allTopicsButton, command: withLanguage('topics', lang) }],
  };
}

/**
 * A query naming several topics about equally ("chips and quantum"): name them and offer each
 * as a button rather than choose. It is a `not_found` reply (no single topic) whose suggestions
 * are the candidates, so the CLI's JSON contract keeps its nine types.
 */
export function ambiguousReply(
  request: CommandRequest,
  query: string,
  topics: readonly TopicId[],
  command = '',
): Reply {
  const { lang, messages, index } = request;
  const offered = topics.filter((topic) => request.library.briefings.has(topic)).slice(0, MAX_OFFERED);
  return {
    ...emptyReply('not_found', messages.whichTopicTitle, lang),
    sections: [
      {
        paragraphs: [
          messages.severalTopics(
            echo(query),
            offered.map((topic) => index.displayTitle(topic, lang)),
          ),
        ],
        items: [],
      },
    ],
    suggestions: offered,
    actions: topicButtons(request, offered, command),
  };
}

// `command` is the grammar word the buttons keep ("sources ", "timeline "), empty for briefings.
function topicButtons(
  request: CommandRequest,
  topics: readonly TopicId[],
  command: string,
): Reply['actions'] {
  return topics.map((topic) => ({
    kind: 'command' as const,
    label: request.index.displayTitle(topic, request.lang),
    command: withLanguage(`${command}${topic}`, request.lang),
  }));
}

function echo(query: string): string {
  const characters = [...query];
  return characters.length > ECHO_LIMIT ? `${characters.slice(0, ECHO_LIMIT).join('')}…` : query;
}
