import { formatDate } from '../i18n/format-date.ts';
import type { Reply, SourceRef } from '../reply.ts';
import { type CommandRequest, withLanguage } from './command-request.ts';
import { describeFreshness } from './describe-freshness.ts';
import { resolveOneTopic } from './resolve-one-topic.ts';
import { textIn } from './show-briefing.ts';

/** `sources <topic>`: the numbered source list behind a briefing, each with its link. */
export function showSources(request: CommandRequest, query: string): Reply {
  const resolved = resolveOneTopic(request, query, 'sources');
  if ('reply' in resolved) return resolved.reply;
  const briefing = request.library.briefings.get(resolved.topic!)!;
  const text = textIn(briefing, request);
  const { lang, messages } = request;
  return {
    type: 'sources',
    topic: briefing.id,
    title: messages.sourcesTitle(text.title),
    asOf: briefing.asOf,
    checkedOn: briefing.checked,
    footer: describeFreshness(request, briefing),
    sections: [
      {
        paragraphs: [],
        items: text.sources.map((source) => ({
          label: `[${source.n}]`,
          text: `${source.title} — ${source.publisher}, ${formatDate(source.date, lang)}${kindNote(source.kind, request)}`,
          ...(source.url === null ? {} : { url: source.url }),
        })),
      },
    ],
    sources: text.sources,
    suggestions: [],
    actions: [
      { kind: 'share', label: messages.shareButton, command: withLanguage(`sources ${briefing.id}`, lang) },
    ],
    visibility: 'private',
    lang,
  };
}

function kindNote(kind: SourceRef['kind'], request: Pick<CommandRequest, 'lang' | 'messages'>): string {
  if (kind === undefined || kind === 'primary') return '';
  const label = request.messages.sourceKinds[kind];
  return request.lang === 'ja' ? `（${label}）` : ` (${label})`;
}
