import type { Reply, ReplyItem } from '../reply.ts';
import { TOPIC_IDS } from '../topics/topic-ids.ts';
import { type CommandRequest, emptyReply } from './command-request.ts';
import { textIn } from './show-briefing.ts';

/** `topics`: every topic with its one-line summary, in the stable order of the topic ids (docs/contracts.md). */
export function listTopics(request: CommandRequest): Reply {
  return {
    ...emptyReply('topics', request.messages.topicsTitle, request.lang),
    sections: [{ paragraphs: [], items: topicItems(request, 'summary') }],
    suggestions: TOPIC_IDS.filter((id) => request.library.briefings.has(id)),
  };
}

/** One line per topic: its title with either the id (help) or the summary (topics). */
export function topicItems(request: CommandRequest, detail: 'title' | 'summary'): ReplyItem[] {
  return TOPIC_IDS.flatMap((id) => {
    const briefing = request.library.briefings.get(id);
    if (!briefing) return [];
    const text = textIn(briefing, request);
    return [{ label: text.title, text: detail === 'summary' ? text.summary : id, topic: id }];
  });
}
