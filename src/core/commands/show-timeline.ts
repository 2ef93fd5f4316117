import type { Development } from '../briefings/briefing.ts';
import type { Reply, SourceRef } from '../reply.ts';
import type { TopicId } from '../topics/topic-ids.ts';
import { type CommandRequest, emptyReply } from './command-request.ts';
import { latestDevelopment, latestLine } from './latest-development.ts';
import { resolveOneTopic } from './resolve-one-topic.ts';

/** A timeline longer than this is cut to the newest entries to stay within message limits. */
const MAX_ENTRIES = 25;

/** `timeline [topic]`: dated developments, newest first, each linked to its source. */
export function showTimeline(request: CommandRequest, query: string | undefined): Reply {
  if (query === undefined) return timelineReply(request, undefined);
  const resolved = resolveOneTopic(request, query, 'timeline');
  return 'reply' in resolved ? resolved.reply : timelineReply(request, resolved.topic);
}

/** The developments of one topic, or of all when `topic` is undefined, newest first. */
export function timelineReply(request: CommandRequest, topic: TopicId | undefined): Reply {
  const { lang, messages } = request;
  const developments = request.library.developments
    .filter((development) => topic === undefined || development.topics.includes(topic))
    .slice(0, MAX_ENTRIES);
  const { sources, numberOf } = numberSources(developments);
  const title = messages.timelineTitle(
    topic === undefined ? undefined : request.index.displayTitle(topic, lang),
  );
  const latest = latestDevelopment(request, topic);
  return {
    ...emptyReply('timeline', title, lang),
    topic: topic ?? null,
    ...(latest ? { summary: latestLine(request, latest) } : {}),
    ...(developments[0] ? { asOf: developments[0].date } : {}),
    sections: [
      {
        paragraphs: developments.length === 0 ? [messages.timelineEmpty] : [],
        items: developments.map((development) => {
          const text = lang === 'ja' ? (development.textJa ?? development.text) : development.text;
          const source = development.sources[0];
          return {
            date: development.date,
            text: source ? `${text} [${numberOf(source)}]` : text,
            ...(source?.url ? { url: source.url } : {}),
          };
        }),
      },
    ],
    sources,
  };
}

type DevelopmentSource = Development['sources'][number];

// Developments share sources (one council release covers many); number each source once.
function numberSources(developments: readonly Development[]): {
  sources: SourceRef[];
  numberOf(source: DevelopmentSource): number;
} {
  const keyOf = (source: DevelopmentSource) => source.url ?? source.title;
  const numbers = new Map<string, number>();
  const sources: SourceRef[] = [];
  for (const source of developments.flatMap((development) => development.sources.slice(0, 1))) {
    if (numbers.has(keyOf(source))) continue;
    numbers.set(keyOf(source), sources.length + 1);
    sources.push({ ...source, n: sources.length + 1 });
  }
  return { sources, numberOf: (source) => numbers.get(keyOf(source)) ?? 0 };
}
