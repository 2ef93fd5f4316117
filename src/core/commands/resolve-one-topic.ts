import type { Reply } from '../reply.ts';
import type { TopicId } from '../topics/topic-ids.ts';
import type { CommandRequest } from './command-request.ts';
import { ambiguousReply, notFoundReply } from './not-found-reply.ts';

/**
 * The topic a command's query names, or the reply to give instead: "which topic?" when it names
 * several (buttons keep the command), "no matching topic" when none. A request for what is new
 * ("sources of the latest on chips") counts as naming its topic; `undefined` means every topic,
 * which only commands that allow it (`timeline`) accept.
 */
export function resolveOneTopic(
  request: CommandRequest,
  query: string,
  command: 'sources' | 'timeline',
): { topic: TopicId | undefined } | { reply: Reply } {
  const resolution = request.index.resolve(query);
  switch (resolution.kind) {
    case 'topic':
      return { topic: resolution.topic };
    case 'latest':
      if (resolution.topic !== null || command === 'timeline')
        return { topic: resolution.topic ?? undefined };
      return { reply: notFoundReply(request, query, [], `${command} `) };
    case 'ambiguous':
      return { reply: ambiguousReply(request, query, resolution.topics, `${command} `) };
    case 'not_found':
      return { reply: notFoundReply(request, query, resolution.suggestions, `${command} `) };
  }
}
