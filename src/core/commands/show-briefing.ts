import type { Briefing, BriefingText } from '../briefings/briefing.ts';
import type { Reply, ReplyAction } from '../reply.ts';
import { type CommandRequest, withLanguage } from './command-request.ts';
import { describeFreshness } from './describe-freshness.ts';
import { notFoundReply } from './not-found-reply.ts';

/** `<topic or query>`: the briefing, with Sources, Share and related-topic buttons. */
export function showBriefing(request: CommandRequest, query: string): Reply {
  const resolution = request.index.resolve(query);
  if (resolution.kind === 'not_found') return notFoundReply(request, query, resolution.suggestions);
  return briefingReply(request, request.library.briefings.get(resolution.topic)!);
}

export function briefingReply(request: CommandRequest, briefing: Briefing): Reply {
  const { lang, messages } = request;
  const text = textIn(briefing, request);
  const related: ReplyAction[] = briefing.related.map((topic) => ({
    kind: 'command',
    label: request.index.displayTitle(topic, lang),
    command: withLanguage(topic, lang),
  }));
  return {
    type: 'briefing',
    topic: briefing.id,
    title: text.title,
    summary: text.summary,
    asOf: briefing.asOf,
    checkedOn: briefing.checked,
    footer: `${describeFreshness(request, briefing)}${lang === 'ja' ? '・' : ' · '}${messages.sourceCount(text.sources.length)}`,
    sections: text.sections.map((section) => ({
      ...(section.heading === undefined ? {} : { heading: section.heading }),
      paragraphs: section.paragraphs,
      items: section.bullets.map((bullet) => ({ text: bullet })),
    })),
    sources: text.sources,
    suggestions: briefing.related,
    actions: [
      {
        kind: 'command',
        label: messages.sourcesButton,
        command: withLanguage(`sources ${briefing.id}`, lang),
      },
      { kind: 'share', label: messages.shareButton, command: withLanguage(briefing.id, lang) },
      ...related,
    ],
    visibility: 'private',
    lang,
  };
}

/** The briefing's text in the request's language, falling back to English. */
export function textIn(briefing: Briefing, request: Pick<CommandRequest, 'lang'>): BriefingText {
  return briefing.text[request.lang] ?? briefing.text.en;
}
