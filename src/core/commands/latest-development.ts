import type { Development } from '../briefings/briefing.ts';
import { formatDate } from '../i18n/format-date.ts';
import type { ReplyItem } from '../reply.ts';
import type { TopicId } from '../topics/topic-ids.ts';
import type { CommandRequest } from './command-request.ts';

/** The newest development up to today (for one topic, if given): what "what's new" asks for. */
export function latestDevelopment(
  request: Pick<CommandRequest, 'library' | 'now'>,
  topic?: TopicId,
): Development | undefined {
  const today = request.now.toISOString().slice(0, 10);
  return request.library.developments.find(
    (development) => development.date <= today && (topic === undefined || development.topics.includes(topic)),
  );
}

export function developmentText(development: Development, lang: CommandRequest['lang']): string {
  return lang === 'ja' ? (development.textJa ?? development.text) : development.text;
}

/** One line: "Latest: 24 September 2026 — The joint call closes…". */
export function latestLine(
  request: Pick<CommandRequest, 'lang' | 'messages'>,
  development: Development,
): string {
  return request.messages.latestDevelopment(
    formatDate(development.date, request.lang),
    developmentText(development, request.lang),
  );
}

/** The development as a list item, linked to its first source and labelled with its topic. */
export function developmentItem(request: CommandRequest, development: Development): ReplyItem {
  const topic = development.topics[0];
  const url = development.sources[0]?.url;
  return {
    text: developmentText(development, request.lang),
    date: development.date,
    ...(url ? { url } : {}),
    ...(topic ? { topic, label: request.index.displayTitle(topic, request.lang) } : {}),
  };
}
